package dev.vis.report;

import dev.vis.analysis.RunMetrics;
import dev.vis.analysis.UntrackedBrand;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a report renders: the facts of one run, its metrics, the breakdowns asked for and the
 * comparison with a baseline.
 *
 * @param facts the run's identity, progress and cost
 * @param metrics the visibility figures computed from its answers
 * @param slices the breakdowns shown below the brand summary (markdown and CSV; JSON has all)
 * @param comparison the comparison with a baseline, when one was asked for
 * @param untrackedBrands names the answers present as brands that the spec does not track, most
 *     answers first: apart from the tracked brands' metrics, and the same in every format
 */
public record ReportData(
    RunFacts facts,
    RunMetrics metrics,
    Set<Slice> slices,
    Optional<ComparisonView> comparison,
    List<UntrackedBrand> untrackedBrands) {
  public ReportData {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(metrics, "metrics");
    slices = Set.copyOf(slices);
    Objects.requireNonNull(comparison, "comparison");
    untrackedBrands = List.copyOf(untrackedBrands);
  }

  /** A report without untracked brands (none were looked for). */
  public ReportData(
      RunFacts facts, RunMetrics metrics, Set<Slice> slices, Optional<ComparisonView> comparison) {
    this(facts, metrics, slices, comparison, List.of());
  }

  /** Whether {@code slice} is shown. */
  boolean shows(Slice slice) {
    return slices.contains(slice);
  }
}
