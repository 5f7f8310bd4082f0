package dev.vis.report;

import static dev.vis.report.JsonWrites.count;
import static dev.vis.report.JsonWrites.number;
import static dev.vis.report.JsonWrites.objects;
import static dev.vis.report.JsonWrites.proportion;
import static dev.vis.report.JsonWrites.strings;

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
import dev.vis.analysis.RateMetric;
import dev.vis.analysis.RunMetrics;
import dev.vis.analysis.UntrackedBrand;
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
   * The versions a baseline may have: version 3 lacks {@code untracked_brands}, the summary, the
   * definitions and {@code served_models}; version 2 also writes no data as 0 and lacks {@code
   * models_without_answers} and {@code unanswered_models}. A baseline reads none of these.
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
      objects(json, "branded_prompts", metrics.brandedPrompts(), JsonReportRenderer::branded);
      objects(json, "untracked_brands", data.untrackedBrands(), JsonReportRenderer::untracked);
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

  private static void branded(JsonGenerator json, BrandedPrompt p) throws IOException {
    json.writeStringField("prompt_id", p.promptId());
    strings(json, "brands", p.brands());
  }

  /** A name answers present as a brand that the spec does not track. */
  private static void untracked(JsonGenerator json, UntrackedBrand brand) throws IOException {
    json.writeStringField("name", brand.name());
    json.writeNumberField("answers", brand.answers());
  }

  private static void breakdown(JsonGenerator json, Breakdown b, Summary summary)
      throws IOException {
    JsonWrites.Item<Cell> cell = (j, c) -> cell(j, c, summary);
    json.writeStartObject();
    objects(json, "overall", b.overall(), cell);
    objects(json, "by_model", b.byModel(), cell);
    objects(json, "by_prompt", b.byPrompt(), cell);
    objects(json, "by_tag", b.byTag(), cell);
    objects(json, "top_domains", b.topDomains(), JsonReportRenderer::ranking);
    json.writeEndObject();
  }

  private static void ranking(JsonGenerator json, DomainRanking ranking) throws IOException {
    json.writeStringField("grounding", ranking.grounding().label());
    objects(json, "domains", ranking.domains(), JsonReportRenderer::domain);
  }

  private static void domain(JsonGenerator json, DomainCount d) throws IOException {
    json.writeStringField("domain", d.domain());
    json.writeStringField("brand", d.brand().orElse(null));
    json.writeNumberField("answers", d.answers());
  }

  static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter()
        .withSeparators(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  /** The fields of one cell: its scope, its counts and every brand's figures. */
  private static void cell(JsonGenerator json, Cell cell, Summary summary) throws IOException {
    json.writeStringField("scope", cell.scope());
    json.writeStringField("value", cell.value().isEmpty() ? null : cell.value());
    json.writeStringField("grounding", cell.grounding().label());
    json.writeStringField("interval", cell.interval().name().toLowerCase(Locale.ROOT));
    json.writeNumberField("answers", cell.answers());
    json.writeNumberField("prompts", cell.prompts());
    json.writeBooleanField("directional", cell.directional());
    boolean answered = cell.answers() > 0;
    objects(
        json,
        "brands",
        cell.brands(),
        (j, b) -> brand(j, b, answered, summary.isPrimary(b.brand())));
  }

  private static void brand(JsonGenerator json, BrandFigures b, boolean answered, boolean primary)
      throws IOException {
    json.writeStringField("brand", b.brand());
    json.writeBooleanField("primary", primary);
    for (RateMetric metric : RateMetric.values()) {
      proportion(json, metric.key(), b.rate(metric));
    }
    count(json, "mention_count", answered, b.mentionCount());
    number(
        json,
        "average_position",
        b.averagePosition().isPresent() ? b.averagePosition().getAsDouble() : Double.NaN);
    number(json, "position_weighted", answered ? b.positionWeighted() : Double.NaN);
    json.writeNumberField("position_sum", b.positionSum());
    number(json, "position_weighted_sum", b.positionWeightedSum());
  }
}
