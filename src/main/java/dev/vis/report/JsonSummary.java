package dev.vis.report;

import static dev.vis.report.JsonWrites.count;
import static dev.vis.report.JsonWrites.number;
import static dev.vis.report.JsonWrites.objects;
import static dev.vis.report.JsonWrites.proportion;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vis.analysis.BrandDelta;
import dev.vis.analysis.BrandFigures;
import dev.vis.analysis.BrandStanding;
import dev.vis.analysis.MetricDefinition;
import dev.vis.analysis.RateMetric;
import java.io.IOException;
import java.util.Locale;

/**
 * The JSON report's opening ({@code confidence_level}, {@code primary_brand}, {@code summary}) and
 * its closing {@code definitions}, written from {@link Summary}.
 */
final class JsonSummary {
  private JsonSummary() {}

  /** The fields that open the document, after {@code schema}. */
  static void writeOpening(JsonGenerator json, Summary summary) throws IOException {
    number(json, "confidence_level", RateMetric.CONFIDENCE_LEVEL);
    json.writeStringField("primary_brand", summary.primaryBrand().orElse(null));
    json.writeObjectFieldStart("summary");
    objects(json, "standings", summary.standings(), (j, s) -> standing(j, s, summary));
    objects(json, "changes", summary.changes(), JsonSummary::change);
    json.writeEndObject();
  }

  private static void standing(JsonGenerator json, BrandStanding s, Summary summary)
      throws IOException {
    json.writeStringField("brand", s.brand());
    json.writeBooleanField("primary", summary.isPrimary(s.brand()));
    json.writeStringField("grounding", s.grounding().label());
    json.writeBooleanField("directional", s.directional());
    proportion(json, "mention_rate", s.mentionRate());
    count(json, "rank", s.rank().isPresent(), s.rank().orElse(0));
    json.writeNumberField("tracked_brands", s.brands());
    objects(json, "tied_with", s.tiedWith(), JsonSummary::tiedBrand);
  }

  private static void tiedBrand(JsonGenerator json, BrandFigures b) throws IOException {
    json.writeStringField("brand", b.brand());
    proportion(json, "mention_rate", b.mentionRate());
  }

  private static void change(JsonGenerator json, Summary.Change c) throws IOException {
    BrandDelta d = c.delta();
    json.writeStringField("brand", d.brand());
    json.writeStringField("baseline_run_id", c.baselineRunId());
    json.writeStringField("metric", c.metric().gateWord().orElseThrow());
    json.writeStringField("verdict", d.verdict().name().toLowerCase(Locale.ROOT));
    json.writeBooleanField("gating", c.gating());
    JsonComparison.deltaFigures(json, d);
    number(json, "alpha", c.level());
    number(
        json,
        "detectable_drop",
        c.detectableDrop().isPresent() ? c.detectableDrop().getAsDouble() : Double.NaN);
    number(json, "detectable_drop_power", BrandDelta.DETECTION_POWER);
  }

  /** The {@code definitions} array that closes the document. */
  static void writeDefinitions(JsonGenerator json, Summary summary) throws IOException {
    objects(json, "definitions", summary.definitions(), JsonSummary::definition);
  }

  private static void definition(JsonGenerator json, MetricDefinition d) throws IOException {
    json.writeStringField("metric", d.key());
    json.writeStringField("label", d.label());
    json.writeStringField("numerator", d.numerator());
    json.writeStringField("denominator", d.denominator());
    json.writeStringField("interval", d.interval().isEmpty() ? null : d.interval());
  }
}
