package dev.vis.report;

import dev.vis.analysis.BrandFigures;
import dev.vis.analysis.BrandStanding;
import dev.vis.analysis.MetricDefinition;
import java.io.IOException;
import java.util.List;

/**
 * The CSV report's opening rows, scope {@code summary} (what to conclude: the primary brand's
 * mention rate, rank and ties, each gated brand's change), and its closing rows, scope {@code
 * definition}: the same {@link Summary} the other formats show, in the tidy long columns.
 */
final class CsvSummary {
  private CsvSummary() {}

  /**
   * Per standing: the primary brand's (scope value {@code primary}, or {@code leader} when no brand
   * is primary) {@code mention_rate}, {@code rank} and {@code tracked_brands}, then each brand tied
   * with it (scope value {@code tied}) with its {@code mention_rate}; then per gated brand (scope
   * value: the baseline run) its delta, p-value, verdict and, when stated, {@code detectable_drop}.
   */
  static void writeOpening(CsvWriter csv, String run, Summary summary) throws IOException {
    for (BrandStanding s : summary.standings()) {
      List<Object> tail = List.of(s.grounding().label(), "headline", s.directional());
      List<Object> key =
          List.of(run, s.brand(), "summary", summary.isPrimary(s.brand()) ? "primary" : "leader");
      CsvReportRenderer.rate(csv, key, tail, "mention_rate", s.mentionRate());
      CsvReportRenderer.write(
          csv,
          key,
          "rank",
          tail,
          s.rank().isPresent() ? s.rank().getAsInt() : null,
          null,
          null,
          null,
          null,
          null);
      CsvReportRenderer.write(
          csv, key, "tracked_brands", tail, s.brands(), null, null, null, null, null);
      for (BrandFigures tied : s.tiedWith()) {
        CsvReportRenderer.rate(
            csv,
            List.of(run, tied.brand(), "summary", "tied"),
            tail,
            "mention_rate",
            tied.mentionRate());
      }
    }
    List<Object> tail = List.of("", "headline", "");
    for (Summary.Change c : summary.changes()) {
      List<Object> key = List.of(run, c.delta().brand(), "summary", c.baselineRunId());
      CsvComparison.delta(csv, key, tail, c.metric().key(), c.delta());
      if (c.detectableDrop().isPresent()) {
        CsvReportRenderer.write(
            csv,
            key,
            "detectable_drop",
            tail,
            c.detectableDrop().getAsDouble(),
            null,
            null,
            null,
            null,
            null);
      }
    }
  }

  /**
   * Four rows per metric, scope {@code definition}, the metric's key as the metric and the part as
   * the scope value ({@code label}, {@code numerator}, {@code denominator}, {@code interval}), its
   * words as the value.
   */
  static void writeDefinitions(CsvWriter csv, String run, Summary summary) throws IOException {
    List<Object> tail = List.of("", "", "");
    for (MetricDefinition d : summary.definitions()) {
      List<List<String>> parts =
          List.of(
              List.of("label", d.label()),
              List.of("numerator", d.numerator()),
              List.of("denominator", d.denominator()),
              List.of("interval", d.interval()));
      for (List<String> part : parts) {
        CsvReportRenderer.write(
            csv,
            List.of(run, "", "definition", part.get(0)),
            d.key(),
            tail,
            part.get(1).isEmpty() ? null : part.get(1),
            null,
            null,
            null,
            null,
            null);
      }
    }
  }
}
