package dev.vis.report;

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
    json.writeFieldName("confidence_level");
    JsonReportRenderer.number(json, RateMetric.CONFIDENCE_LEVEL);
    json.writeStringField("primary_brand", summary.primaryBrand().orElse(null));
    json.writeObjectFieldStart("summary");
    json.writeArrayFieldStart("standings");
    for (BrandStanding s : summary.standings()) {
      json.writeStartObject();
      json.writeStringField("brand", s.brand());
      json.writeBooleanField("primary", summary.isPrimary(s.brand()));
      json.writeStringField("grounding", s.grounding().label());
      json.writeBooleanField("directional", s.directional());
      JsonReportRenderer.proportion(json, "mention_rate", s.mentionRate());
      json.writeFieldName("rank");
      if (s.rank().isPresent()) {
        json.writeNumber(s.rank().getAsInt());
      } else {
        json.writeNull();
      }
      json.writeNumberField("tracked_brands", s.brands());
      json.writeArrayFieldStart("tied_with");
      for (BrandFigures b : s.tiedWith()) {
        json.writeStartObject();
        json.writeStringField("brand", b.brand());
        JsonReportRenderer.proportion(json, "mention_rate", b.mentionRate());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("changes");
    for (Summary.Change c : summary.changes()) {
      change(json, c);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void change(JsonGenerator json, Summary.Change c) throws IOException {
    BrandDelta d = c.delta();
    json.writeStartObject();
    json.writeStringField("brand", d.brand());
    json.writeStringField("baseline_run_id", c.baselineRunId());
    json.writeStringField("metric", c.metric().gateWord().orElseThrow());
    json.writeStringField("verdict", d.verdict().name().toLowerCase(Locale.ROOT));
    json.writeBooleanField("gating", c.gating());
    JsonComparison.deltaFigures(json, d);
    json.writeFieldName("alpha");
    JsonReportRenderer.number(json, c.level());
    json.writeFieldName("detectable_drop");
    JsonReportRenderer.number(
        json, c.detectableDrop().isPresent() ? c.detectableDrop().getAsDouble() : Double.NaN);
    json.writeFieldName("detectable_drop_power");
    JsonReportRenderer.number(json, BrandDelta.DETECTION_POWER);
    json.writeEndObject();
  }

  /** The {@code definitions} array that closes the document. */
  static void writeDefinitions(JsonGenerator json, Summary summary) throws IOException {
    json.writeArrayFieldStart("definitions");
    for (MetricDefinition d : summary.definitions()) {
      json.writeStartObject();
      json.writeStringField("metric", d.key());
      json.writeStringField("label", d.label());
      json.writeStringField("numerator", d.numerator());
      json.writeStringField("denominator", d.denominator());
      json.writeStringField("interval", d.interval().isEmpty() ? null : d.interval());
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
