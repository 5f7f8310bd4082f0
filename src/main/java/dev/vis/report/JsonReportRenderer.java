package dev.vis.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.vis.analysis.BrandFigures;
import dev.vis.analysis.BrandedPrompt;
import dev.vis.analysis.Breakdown;
import dev.vis.analysis.Cell;
import dev.vis.analysis.DomainCount;
import dev.vis.analysis.DomainRanking;
import dev.vis.analysis.Proportion;
import dev.vis.analysis.RateMetric;
import dev.vis.analysis.RunMetrics;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Renders the report as one JSON document ({@code "schema": "vis.report/4"}, described by {@code
 * docs/report.schema.json}) holding every count needed to recompute each rate and the per-(prompt,
 * model, brand) tallies, so it can serve as a regression baseline. Keys are snake_case in a fixed
 * order, doubles are rounded to 6 decimals, and absent values are null: so is every figure of a
 * cell without answers (no data, never a 0).
 */
final class JsonReportRenderer implements ReportRenderer {
  static final String SCHEMA_PREFIX = "vis.report/";
  static final String SCHEMA = SCHEMA_PREFIX + "4";

  /**
   * The versions a baseline may have: version 2 differs only in writing no data as 0 and in lacking
   * {@code models_without_answers} and {@code unanswered_models}, version 3 in lacking the summary,
   * the definitions and {@code served_models}; a baseline reads none of those.
   */
  static final List<String> BASELINE_SCHEMAS =
      List.of(SCHEMA_PREFIX + "2", SCHEMA_PREFIX + "3", SCHEMA);

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  @Override
  public void render(ReportData data, Writer out) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.setPrettyPrinter(prettyPrinter());
      RunMetrics metrics = data.metrics();
      json.writeStartObject();
      json.writeStringField("schema", SCHEMA);
      JsonSummary.writeOpening(json, data.summary());
      json.writeFieldName("run");
      JsonRunFacts.write(json, data.facts());
      json.writeBooleanField("include_branded", metrics.includeBranded());
      json.writeFieldName("headline");
      breakdown(json, metrics.headline(), data.summary());
      json.writeFieldName("branded");
      if (metrics.branded().isPresent()) {
        breakdown(json, metrics.branded().get(), data.summary());
      } else {
        json.writeNull();
      }
      json.writeArrayFieldStart("branded_prompts");
      for (BrandedPrompt p : metrics.brandedPrompts()) {
        json.writeStartObject();
        json.writeStringField("prompt_id", p.promptId());
        json.writeArrayFieldStart("brands");
        for (String b : p.brands()) {
          json.writeString(b);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeFieldName("tallies");
      JsonTallies.write(json, metrics.tallies());
      json.writeFieldName("comparison");
      if (data.comparison().isPresent()) {
        JsonComparison.write(json, data.comparison().get());
      } else {
        json.writeNull();
      }
      JsonSummary.writeDefinitions(json, data.summary());
      json.writeEndObject();
      json.writeRaw('\n');
    }
    out.flush();
  }

  private static void breakdown(JsonGenerator json, Breakdown b, Summary summary)
      throws IOException {
    json.writeStartObject();
    cells(json, "overall", b.overall(), summary);
    cells(json, "by_model", b.byModel(), summary);
    cells(json, "by_prompt", b.byPrompt(), summary);
    cells(json, "by_tag", b.byTag(), summary);
    json.writeArrayFieldStart("top_domains");
    for (DomainRanking ranking : b.topDomains()) {
      json.writeStartObject();
      json.writeStringField("grounding", ranking.grounding().label());
      json.writeArrayFieldStart("domains");
      for (DomainCount d : ranking.domains()) {
        json.writeStartObject();
        json.writeStringField("domain", d.domain());
        json.writeStringField("brand", d.brand().orElse(null));
        json.writeNumberField("answers", d.answers());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter()
        .withSeparators(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  private static void cells(JsonGenerator json, String name, List<Cell> cells, Summary summary)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (Cell cell : cells) {
      cell(json, cell, summary);
    }
    json.writeEndArray();
  }

  private static void cell(JsonGenerator json, Cell cell, Summary summary) throws IOException {
    json.writeStartObject();
    json.writeStringField("scope", cell.scope());
    json.writeStringField("value", cell.value().isEmpty() ? null : cell.value());
    json.writeStringField("grounding", cell.grounding().label());
    json.writeStringField("interval", cell.interval().name().toLowerCase(Locale.ROOT));
    json.writeNumberField("answers", cell.answers());
    json.writeNumberField("prompts", cell.prompts());
    json.writeBooleanField("directional", cell.directional());
    json.writeArrayFieldStart("brands");
    boolean answered = cell.answers() > 0;
    for (BrandFigures b : cell.brands()) {
      json.writeStartObject();
      json.writeStringField("brand", b.brand());
      json.writeBooleanField("primary", summary.isPrimary(b.brand()));
      for (RateMetric metric : RateMetric.values()) {
        proportion(json, metric.key(), b.rate(metric));
      }
      json.writeFieldName("mention_count");
      if (answered) {
        json.writeNumber(b.mentionCount());
      } else {
        json.writeNull();
      }
      json.writeFieldName("average_position");
      number(
          json, b.averagePosition().isPresent() ? b.averagePosition().getAsDouble() : Double.NaN);
      json.writeFieldName("position_weighted");
      number(json, answered ? b.positionWeighted() : Double.NaN);
      json.writeNumberField("position_sum", b.positionSum());
      json.writeFieldName("position_weighted_sum");
      number(json, b.positionWeightedSum());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** A rate with its counts; its value and interval are null when it has no data. */
  static void proportion(JsonGenerator json, String name, Proportion p) throws IOException {
    json.writeObjectFieldStart(name);
    json.writeNumberField("numerator", p.numerator());
    json.writeNumberField("denominator", p.denominator());
    json.writeFieldName("value");
    number(json, p.hasData() ? p.value() : Double.NaN);
    json.writeFieldName("ci_low");
    number(json, p.hasData() ? p.low() : Double.NaN);
    json.writeFieldName("ci_high");
    number(json, p.hasData() ? p.high() : Double.NaN);
    json.writeEndObject();
  }

  /** A double rounded to 6 decimals; null when it is not a finite number. */
  static void number(JsonGenerator json, double value) throws IOException {
    if (Double.isFinite(value)) {
      json.writeNumber(PlainNumber.rounded(value));
    } else {
      json.writeNull();
    }
  }
}
