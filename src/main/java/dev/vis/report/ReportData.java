package dev.vis.report;

import dev.vis.analysis.RunMetrics;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a report renders: the facts of one run, its metrics, the breakdowns asked for, the
 * comparison with a baseline, and the summary every format opens with.
 *
 * @param facts the run's identity, progress and cost
 * @param metrics the visibility figures computed from its answers
 * @param slices the breakdowns shown below the brand summary (markdown and CSV; JSON has all)
 * @param comparison the comparison with a baseline, when one was asked for
 * @param summary what to conclude, and the metrics' definitions, as every format shows them
 */
public record ReportData(
    RunFacts facts,
    RunMetrics metrics,
    Set<Slice> slices,
    Optional<ComparisonView> comparison,
    Summary summary) {
  public ReportData {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(metrics, "metrics");
    slices = Set.copyOf(slices);
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(summary, "summary");
  }

  /** The report of a run whose spec marks {@code primaryBrand} primary, with its summary. */
  public static ReportData of(
      RunFacts facts,
      RunMetrics metrics,
      Set<Slice> slices,
      Optional<ComparisonView> comparison,
      Optional<String> primaryBrand) {
    return new ReportData(
        facts, metrics, slices, comparison, Summary.of(metrics, comparison, primaryBrand));
  }

  /** Whether {@code slice} is shown. */
  boolean shows(Slice slice) {
    return slices.contains(slice);
  }
}
