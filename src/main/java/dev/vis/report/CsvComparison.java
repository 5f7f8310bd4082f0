package dev.vis.report;

import dev.vis.analysis.BrandDelta;
import dev.vis.analysis.Comparison;
import dev.vis.analysis.Verdict;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The comparison rows of the CSV report: scope {@code comparison}, the baseline run as the scope
 * value, per gated brand the baseline and current rates, the delta with its interval, the p-value
 * and the verdict.
 */
final class CsvComparison {
  private CsvComparison() {}

  static void write(CsvWriter csv, String run, ComparisonView view) throws IOException {
    Comparison c = view.comparison();
    String metric = c.metric().key();
    List<Object> tail = List.of("", "headline", "");
    for (BrandDelta b : c.brands()) {
      List<Object> key = List.of(run, b.brand(), "comparison", view.baseline().facts().runId());
      CsvReportRenderer.rate(csv, key, tail, metric + "_baseline", b.baseline());
      CsvReportRenderer.rate(csv, key, tail, metric + "_current", b.current());
      delta(csv, key, tail, metric, b);
    }
  }

  /** A brand's {@code METRIC_delta} with its interval, its {@code p_value} and {@code verdict}. */
  static void delta(CsvWriter csv, List<Object> key, List<Object> tail, String metric, BrandDelta b)
      throws IOException {
    boolean data = b.verdict() != Verdict.NO_DATA;
    CsvReportRenderer.write(
        csv,
        key,
        metric + "_delta",
        tail,
        data ? b.delta() : null,
        data ? b.low() : null,
        data ? b.high() : null,
        null,
        null,
        null);
    CsvReportRenderer.write(
        csv, key, "p_value", tail, data ? b.pValue() : null, null, null, null, null, null);
    CsvReportRenderer.write(
        csv,
        key,
        "verdict",
        tail,
        b.verdict().name().toLowerCase(Locale.ROOT),
        null,
        null,
        null,
        null,
        null);
  }
}
