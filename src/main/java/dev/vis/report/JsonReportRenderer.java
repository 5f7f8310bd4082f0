package dev.vis.report;

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
import dev.vis.analysis.Breakdown;
import dev.vis.analysis.Cell;
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
   * The versions a baseline may have: version 3 lacks {@code untracked_brands}; version 2 also
   * writes no data as 0 and lacks {@code models_without_answers} and {@code unanswered_models}. A
   * baseline reads none of these.
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
      json.writeFieldName("run");
      JsonRunFacts.write(json, data.facts());
      json.writeBooleanField("include_branded", metrics.includeBranded());
      json.writeFieldName("headline");
      breakdown(json, metrics.headline());
      json.writeFieldName("branded");
      if (metrics.branded().isPresent()) {
        breakdown(json, metrics.branded().get());
      } else {
        json.writeNull();
      }
      objects(
          json,
          "branded_prompts",
          metrics.brandedPrompts(),
          (j, p) -> {
            j.writeStringField("prompt_id", p.promptId());
            strings(j, "brands", p.brands());
          });
      untrackedBrands(json, data.untrackedBrands());
      json.writeFieldName("tallies");
      JsonTallies.write(json, metrics.tallies());
      json.writeFieldName("comparison");
      if (data.comparison().isPresent()) {
        JsonComparison.write(json, data.comparison().get());
      } else {
        json.writeNull();
      }
      json.writeEndObject();
      json.writeRaw('\n');
    }
    out.flush();
  }

  /** The names answers present as brands that the spec does not track, most answers first. */
  private static void untrackedBrands(JsonGenerator json, List<UntrackedBrand> brands)
      throws IOException {
    objects(
        json,
        "untracked_brands",
        brands,
        (j, brand) -> {
          j.writeStringField("name", brand.name());
          j.writeNumberField("answers", brand.answers());
        });
  }

  private static void breakdown(JsonGenerator json, Breakdown b) throws IOException {
    json.writeStartObject();
    objects(json, "overall", b.overall(), JsonReportRenderer::cell);
    objects(json, "by_model", b.byModel(), JsonReportRenderer::cell);
    objects(json, "by_prompt", b.byPrompt(), JsonReportRenderer::cell);
    objects(json, "by_tag", b.byTag(), JsonReportRenderer::cell);
    objects(
        json,
        "top_domains",
        b.topDomains(),
        (j, ranking) -> {
          j.writeStringField("grounding", ranking.grounding().label());
          objects(
              j,
              "domains",
              ranking.domains(),
              (k, d) -> {
                k.writeStringField("domain", d.domain());
                k.writeStringField("brand", d.brand().orElse(null));
                k.writeNumberField("answers", d.answers());
              });
        });
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

  /** The fields of one cell: its scope, its counts and every brand's figures. */
  private static void cell(JsonGenerator json, Cell cell) throws IOException {
    json.writeStringField("scope", cell.scope());
    json.writeStringField("value", cell.value().isEmpty() ? null : cell.value());
    json.writeStringField("grounding", cell.grounding().label());
    json.writeStringField("interval", cell.interval().name().toLowerCase(Locale.ROOT));
    json.writeNumberField("answers", cell.answers());
    json.writeNumberField("prompts", cell.prompts());
    json.writeBooleanField("directional", cell.directional());
    boolean answered = cell.answers() > 0;
    objects(json, "brands", cell.brands(), (j, b) -> brand(j, b, answered));
  }

  private static void brand(JsonGenerator json, BrandFigures b, boolean answered)
      throws IOException {
    json.writeStringField("brand", b.brand());
    for (RateMetric metric : RateMetric.values()) {
      proportion(json, metric.key(), b.rate(metric));
    }
    json.writeFieldName("mention_count");
    if (answered) {
      json.writeNumber(b.mentionCount());
    } else {
      json.writeNull();
    }
    number(
        json,
        "average_position",
        b.averagePosition().isPresent() ? b.averagePosition().getAsDouble() : Double.NaN);
    number(json, "position_weighted", answered ? b.positionWeighted() : Double.NaN);
    json.writeNumberField("position_sum", b.positionSum());
    number(json, "position_weighted_sum", b.positionWeightedSum());
  }
}
