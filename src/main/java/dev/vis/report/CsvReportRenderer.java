package dev.vis.report;

import dev.vis.analysis.BrandFigures;
import dev.vis.analysis.Breakdown;
import dev.vis.analysis.Cell;
import dev.vis.analysis.Proportion;
import dev.vis.analysis.RateMetric;
import dev.vis.analysis.UntrackedBrand;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Renders the report as tidy long CSV: what to conclude first (scope {@code summary}), then one row
 * per (cell, brand, metric), each rate first, then the mention count and positions; overall first,
 * then the breakdowns asked for (model, prompt, tag), the branded prompts apart, the untracked
 * brands (scope {@code untracked}), the comparison, and the definitions (scope {@code definition})
 * last. A figure without data (a cell without answers) has an empty value and interval, never a 0.
 */
final class CsvReportRenderer implements ReportRenderer {
  static final List<String> HEADER =
      List.of(
          "run",
          "brand",
          "scope",
          "scope_value",
          "metric",
          "value",
          "ci_low",
          "ci_high",
          "n",
          "numerator",
          "denominator",
          "grounding",
          "prompt_set",
          "directional");

  @Override
  public void render(ReportData data, Writer out) throws IOException {
    CsvWriter csv = new CsvWriter(out);
    csv.row(HEADER);
    String run = data.facts().runId();
    CsvSummary.writeOpening(csv, run, data.summary());
    breakdown(csv, run, "headline", data.metrics().headline(), data);
    if (data.metrics().branded().isPresent()) {
      breakdown(csv, run, "branded", data.metrics().branded().get(), data);
    }
    untrackedBrands(csv, run, data);
    if (data.comparison().isPresent()) {
      CsvComparison.write(csv, run, data.comparison().get());
    }
    CsvSummary.writeDefinitions(csv, run, data.summary());
    csv.flush();
  }

  /**
   * One row per untracked brand, in scope {@code untracked} and apart from the tracked brands'
   * rows: metric {@code answers}, the received answers naming it over all received answers.
   */
  private static void untrackedBrands(CsvWriter csv, String run, ReportData data)
      throws IOException {
    long answers = data.facts().answers();
    for (UntrackedBrand brand : data.untrackedBrands()) {
      write(
          csv,
          List.of(run, brand.name(), "untracked", ""),
          "answers",
          List.of("", "all", ""),
          brand.answers(),
          null,
          null,
          answers,
          brand.answers(),
          answers);
    }
  }

  private static void breakdown(CsvWriter csv, String run, String set, Breakdown b, ReportData data)
      throws IOException {
    List<Cell> cells = new ArrayList<>(b.overall());
    if (data.shows(Slice.MODEL)) {
      cells.addAll(b.byModel());
    }
    if (data.shows(Slice.PROMPT)) {
      cells.addAll(b.byPrompt());
    }
    if (data.shows(Slice.TAG)) {
      cells.addAll(b.byTag());
    }
    for (Cell cell : cells) {
      List<Object> tail = List.of(cell.grounding().label(), set, cell.directional());
      for (BrandFigures brand : cell.brands()) {
        rows(csv, List.of(run, brand.brand(), cell.scope(), cell.value()), tail, cell, brand);
      }
    }
  }

  private static void rows(
      CsvWriter csv, List<Object> key, List<Object> tail, Cell cell, BrandFigures b)
      throws IOException {
    for (RateMetric metric : RateMetric.values()) {
      rate(csv, key, tail, metric.key(), b.rate(metric));
    }
    boolean answered = cell.answers() > 0;
    figure(
        csv,
        key,
        tail,
        "mention_count",
        answered ? b.mentionCount() : null,
        cell.answers(),
        null,
        null);
    figure(
        csv,
        key,
        tail,
        "avg_position",
        b.averagePosition().isPresent() ? b.averagePosition().getAsDouble() : null,
        b.mentionRate().numerator(),
        b.positionSum(),
        b.mentionRate().numerator());
    figure(
        csv,
        key,
        tail,
        "position_weighted",
        answered ? b.positionWeighted() : null,
        cell.answers(),
        b.positionWeightedSum(),
        cell.answers());
  }

  /** A rate's row: its counts always, its value and interval only when it has data. */
  static void rate(CsvWriter csv, List<Object> key, List<Object> tail, String metric, Proportion p)
      throws IOException {
    write(
        csv,
        key,
        metric,
        tail,
        p.hasData() ? p.value() : null,
        p.hasData() ? p.low() : null,
        p.hasData() ? p.high() : null,
        p.denominator(),
        p.numerator(),
        p.denominator());
  }

  /**
   * A metric without interval; {@code n} is the answers (or naming answers) it is measured over.
   */
  private static void figure(
      CsvWriter csv,
      List<Object> key,
      List<Object> tail,
      String metric,
      Object value,
      long n,
      Object numerator,
      Object denominator)
      throws IOException {
    write(csv, key, metric, tail, value, null, null, n, numerator, denominator);
  }

  static void write(
      CsvWriter csv, List<Object> key, String metric, List<Object> tail, Object... figures)
      throws IOException {
    List<Object> row = new ArrayList<>(key);
    row.add(metric);
    row.addAll(Arrays.asList(figures));
    row.addAll(tail);
    csv.row(row);
  }
}
