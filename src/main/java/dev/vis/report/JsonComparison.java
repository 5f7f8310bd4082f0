package dev.vis.report;

import static dev.vis.report.JsonWrites.number;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vis.analysis.BrandDelta;
import dev.vis.analysis.Comparison;
import dev.vis.analysis.Verdict;
import java.io.IOException;
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
    number(json, "threshold_points", c.thresholdPoints());
    number(json, "alpha", c.alpha());
    number(json, "per_brand_alpha", c.perBrandAlpha());
    json.writeBooleanField("tripped", view.tripped());
    json.writeBooleanField("brand_rules_differ", c.brandRulesDiffer());
    for (ComparisonLists list : ComparisonLists.values()) {
      JsonWrites.strings(json, list.key(), list.of(c));
    }
    JsonWrites.objects(json, "brands", c.brands(), JsonComparison::delta);
    json.writeEndObject();
  }

  private static void delta(JsonGenerator json, BrandDelta b) throws IOException {
    json.writeStringField("brand", b.brand());
    json.writeStringField("verdict", b.verdict().name().toLowerCase(Locale.ROOT));
    JsonWrites.proportion(json, "baseline", b.baseline());
    JsonWrites.proportion(json, "current", b.current());
    boolean data = b.verdict() != Verdict.NO_DATA;
    number(json, "delta", data ? b.delta() : Double.NaN);
    number(json, "ci_low", data ? b.low() : Double.NaN);
    number(json, "ci_high", data ? b.high() : Double.NaN);
    number(json, "p_value", data ? b.pValue() : Double.NaN);
  }
}
