package dev.vis.report;

import dev.vis.analysis.BrandFigures;
import dev.vis.analysis.Cell;
import dev.vis.analysis.Proportion;
import dev.vis.analysis.VisibilityMetrics;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Renders the report as tidy long CSV: one row per (cell, brand, metric), overall first, then per
 * model, prompt and tag.
 */
final class CsvReportRenderer implements ReportRenderer {
  static final List<String> HEADER =
      List.of(
          "run", "brand", "scope", "scope_value", "metric", "value", "ci_low", "ci_high", "n",
          "numerator", "denominator");

  @Override
  public void render(ReportData data, Writer out) throws IOException {
    CsvWriter csv = new CsvWriter(out);
    csv.row(HEADER);
    VisibilityMetrics metrics = data.metrics();
    List<Cell> cells = new ArrayList<>();
    cells.add(metrics.overall());
    cells.addAll(metrics.byModel());
    cells.addAll(metrics.byPrompt());
    cells.addAll(metrics.byTag());
    for (Cell cell : cells) {
      for (BrandFigures brand : cell.brands()) {
        rows(csv, data.facts().runId(), cell, brand);
      }
    }
    csv.flush();
  }

  private static void rows(CsvWriter csv, String run, Cell cell, BrandFigures b) throws IOException {
    List<Object> key = List.of(run, b.brand(), cell.scope(), cell.value());
    rate(csv, key, "mention_rate", b.mentionRate());
    rate(csv, key, "prompt_coverage", b.promptCoverage());
    rate(csv, key, "share_of_voice", b.shareOfVoice());
    figure(csv, key, "mention_count", b.mentionCount(), cell.answers());
    figure(
        csv, key, "avg_position",
        b.averagePosition().isPresent() ? b.averagePosition().getAsDouble() : null,
        b.mentionRate().numerator());
    rate(csv, key, "top1_rate", b.top1Rate());
    figure(csv, key, "position_weighted", b.positionWeighted(), cell.answers());
    rate(csv, key, "citation_rate", b.citationRate());
  }

  private static void rate(CsvWriter csv, List<Object> key, String metric, Proportion p)
      throws IOException {
    write(csv, key, metric, p.value(), p.low(), p.high(), p.denominator(), p.numerator(),
        p.denominator());
  }

  /** A metric without interval or counts; {@code n} is the answers it was measured over. */
  private static void figure(CsvWriter csv, List<Object> key, String metric, Object value, long n)
      throws IOException {
    write(csv, key, metric, value, null, null, n, null, null);
  }

  private static void write(CsvWriter csv, List<Object> key, String metric, Object... figures)
      throws IOException {
    List<Object> row = new ArrayList<>(key);
    row.add(metric);
    row.addAll(Arrays.asList(figures));
    csv.row(row);
  }
}
