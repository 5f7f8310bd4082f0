package dev.vis.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vis.analysis.BrandDelta;
import dev.vis.analysis.Comparison;
import dev.vis.analysis.Verdict;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** The {@code comparison} object of the JSON report. */
final class JsonComparison {
  private JsonComparison() {}

  static void write(JsonGenerator json, ComparisonView view) throws IOException {
    Comparison c = view.comparison();
    json.writeStartObject();
    json.writeStringField("baseline_source", view.baseline().source());
    json.writeStringField("baseline_run_id", view.baseline().facts().runId());
    json.writeStringField("metric", c.metric().gateWord().orElseThrow());
    json.writeBooleanField("gating", view.gating());
    json.writeFieldName("threshold_points");
    JsonReportRenderer.number(json, c.thresholdPoints());
    json.writeFieldName("alpha");
    JsonReportRenderer.number(json, c.alpha());
    json.writeFieldName("per_brand_alpha");
    JsonReportRenderer.number(json, c.perBrandAlpha());
    json.writeBooleanField("tripped", view.tripped());
    json.writeBooleanField("brand_rules_differ", c.brandRulesDiffer());
    strings(json, "shared_prompts", c.sharedPrompts());
    strings(json, "shared_models", c.sharedModels());
    strings(json, "added_prompts", c.addedPrompts());
    strings(json, "removed_prompts", c.removedPrompts());
    strings(json, "added_models", c.addedModels());
    strings(json, "removed_models", c.removedModels());
    strings(json, "branded_prompts", c.brandedPrompts());
    strings(json, "unanswered_prompts", c.unansweredPrompts());
    strings(json, "unanswered_models", c.unansweredModels());
    strings(json, "compared_brands", c.comparedBrands());
    json.writeArrayFieldStart("brands");
    for (BrandDelta b : c.brands()) {
      json.writeStartObject();
      json.writeStringField("brand", b.brand());
      json.writeStringField("verdict", b.verdict().name().toLowerCase(Locale.ROOT));
      JsonReportRenderer.proportion(json, "baseline", b.baseline());
      JsonReportRenderer.proportion(json, "current", b.current());
      deltaFigures(json, b);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** {@code delta}, {@code ci_low}, {@code ci_high} and {@code p_value}: null without data. */
  static void deltaFigures(JsonGenerator json, BrandDelta b) throws IOException {
    boolean data = b.verdict() != Verdict.NO_DATA;
    json.writeFieldName("delta");
    JsonReportRenderer.number(json, data ? b.delta() : Double.NaN);
    json.writeFieldName("ci_low");
    JsonReportRenderer.number(json, data ? b.low() : Double.NaN);
    json.writeFieldName("ci_high");
    JsonReportRenderer.number(json, data ? b.high() : Double.NaN);
    json.writeFieldName("p_value");
    JsonReportRenderer.number(json, data ? b.pValue() : Double.NaN);
  }

  private static void strings(JsonGenerator json, String name, List<String> values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (String v : values) {
      json.writeString(v);
    }
    json.writeEndArray();
  }
}
