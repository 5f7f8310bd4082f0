package dev.vis.report;

import static dev.vis.report.JsonWrites.objects;
import static dev.vis.report.JsonWrites.strings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.vis.analysis.Proportion;
import dev.vis.analysis.StepTest;
import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The trend as one JSON document, schema {@code vis.trend/1} (SPEC §3). */
final class TrendJson {
  static final String SCHEMA = "vis.trend/1";
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private TrendJson() {}

  static void write(Trend trend, Writer out) throws IOException {
    List<Trend.Run> runs = trend.runs();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.setPrettyPrinter(JsonReportRenderer.prettyPrinter());
      json.writeStartObject();
      json.writeStringField("schema", SCHEMA);
      json.writeStringField("name", trend.name());
      json.writeNumberField("confidence_level", 0.95);
      json.writeNumberField("alpha", trend.alpha());
      json.writeStringField("correction", "holm");
      objects(json, "runs", runs, TrendJson::run);
      objects(json, "brands", trend.brands(), TrendJson::series);
      objects(json, "changes", trend.changes(), (j, s) -> change(j, s, runs));
      objects(json, "markers", trend.markers(), (j, m) -> marker(j, m, runs));
      json.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void run(JsonGenerator json, Trend.Run run) throws IOException {
    json.writeStringField("id", run.id());
    json.writeStringField("started_at", DateTimeFormatter.ISO_INSTANT.format(run.startedAt()));
    json.writeNumberField("answers", run.answers());
    strings(json, "models", run.models());
    objects(json, "served_models", run.servedModels(), JsonRunFacts::servedModel);
  }

  private static void series(JsonGenerator json, Trend.Series series) throws IOException {
    json.writeStringField("brand", series.brand());
    json.writeBooleanField("primary", series.primary());
    objects(json, "points", series.points(), TrendJson::point);
  }

  private static void point(JsonGenerator json, Trend.Point p) throws IOException {
    json.writeStringField("run_id", p.runId());
    rate(json, "mention_rate", "ci_low", "ci_high", p.mentionRate());
    json.writeNumberField("n", p.mentionRate().denominator());
    json.writeNumberField("k", p.mentionRate().numerator());
    rate(json, "share_of_voice", "share_ci_low", "share_ci_high", p.shareOfVoice());
  }

  private static void change(JsonGenerator json, StepTest s, List<Trend.Run> runs)
      throws IOException {
    json.writeStringField("brand", s.brand());
    json.writeStringField("from_run", runs.get(s.from()).id());
    json.writeStringField("to_run", runs.get(s.to()).id());
    json.writeNumberField("delta_pp", s.delta() * 100);
    json.writeNumberField("ci_low_pp", s.low() * 100);
    json.writeNumberField("ci_high_pp", s.high() * 100);
    json.writeNumberField("p_value", s.pValue());
  }

  private static void marker(JsonGenerator json, Trend.Marker m, List<Trend.Run> runs)
      throws IOException {
    json.writeStringField("from_run", runs.get(m.from()).id());
    json.writeStringField("to_run", runs.get(m.to()).id());
    json.writeStringField("kind", m.kind());
    json.writeStringField("detail", m.detail());
  }

  /** A rate and its interval as fractions; null without data. */
  private static void rate(JsonGenerator json, String value, String low, String high, Proportion p)
      throws IOException {
    if (p.hasData()) {
      json.writeNumberField(value, p.value());
      json.writeNumberField(low, p.low());
      json.writeNumberField(high, p.high());
    } else {
      json.writeNullField(value);
      json.writeNullField(low);
      json.writeNullField(high);
    }
  }
}
