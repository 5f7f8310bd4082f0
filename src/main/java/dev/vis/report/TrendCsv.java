package dev.vis.report;

import dev.vis.analysis.Proportion;
import dev.vis.analysis.StepTest;
import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The trend as tidy long CSV: one row per (run, brand, metric), then one per real change (metric
 * {@code change}, its value the difference as a fraction, with its p-value), then one per marker
 * (metric {@code marker}, its value the kind, with what changed in {@code detail}).
 */
final class TrendCsv {
  static final List<String> HEADER =
      List.of(
          "run_id",
          "started_at",
          "brand",
          "metric",
          "value",
          "ci_low",
          "ci_high",
          "n",
          "k",
          "from_run",
          "p_value",
          "detail");

  private TrendCsv() {}

  static void write(Trend trend, Writer out) throws IOException {
    CsvWriter csv = new CsvWriter(out);
    csv.row(HEADER);
    for (Trend.Series series : trend.brands()) {
      for (int i = 0; i < trend.runs().size(); i++) {
        Trend.Run run = trend.runs().get(i);
        Trend.Point p = series.points().get(i);
        csv.row(row(run, series.brand(), "mention_rate", p.mentionRate()));
        csv.row(row(run, series.brand(), "share_of_voice", p.shareOfVoice()));
      }
    }
    for (StepTest s : trend.changes()) {
      csv.row(
          step(
              trend,
              s.from(),
              s.to(),
              s.brand(),
              "change",
              s.delta(),
              s.low(),
              s.high(),
              s.pValue(),
              null));
    }
    for (Trend.Marker m : trend.markers()) {
      csv.row(
          step(trend, m.from(), m.to(), null, "marker", m.kind(), null, null, null, m.detail()));
    }
    csv.flush();
  }

  /** A row about the step between runs {@code from} and {@code to}, keyed by the newer run. */
  private static List<Object> step(
      Trend trend,
      int from,
      int to,
      String brand,
      String metric,
      Object value,
      Double low,
      Double high,
      Double pValue,
      String detail) {
    Trend.Run run = trend.runs().get(to);
    return Arrays.asList(
        run.id(),
        DateTimeFormatter.ISO_INSTANT.format(run.startedAt()),
        brand,
        metric,
        value,
        low,
        high,
        null,
        null,
        trend.runs().get(from).id(),
        pValue,
        detail);
  }

  private static List<Object> row(Trend.Run run, String brand, String metric, Proportion p) {
    boolean data = p.hasData();
    return Arrays.asList(
        run.id(),
        DateTimeFormatter.ISO_INSTANT.format(run.startedAt()),
        brand,
        metric,
        data ? p.value() : null,
        data ? p.low() : null,
        data ? p.high() : null,
        p.denominator(),
        p.numerator(),
        null,
        null,
        null);
  }
}
