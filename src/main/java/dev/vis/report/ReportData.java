package dev.vis.report;

import dev.vis.analysis.RunMetrics;
import dev.vis.analysis.UntrackedBrand;
import java.util.List;
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
 * @param untrackedBrands names the answers present as brands that the spec does not track, most
 *     answers first: apart from the tracked brands' metrics, and the same in every format
 */
public record ReportData(
    RunFacts facts,
    RunMetrics metrics,
    Set<Slice> slices,
    Optional<ComparisonView> comparison,
    Summary summary,
    List<UntrackedBrand> untrackedBrands) {
  public ReportData {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(metrics, "metrics");
    slices = Set.copyOf(slices);
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(summary, "summary");
    untrackedBrands = List.copyOf(untrackedBrands);
  }

  /** The report of a run whose spec marks {@code primaryBrand} primary, with its summary. */
  public static ReportData of(
      RunFacts facts,
      RunMetrics metrics,
      Set<Slice> slices,
      Optional<ComparisonView> comparison,
      Optional<String> primaryBrand) {
    return of(facts, metrics, slices, comparison, primaryBrand, List.of());
  }

  /** The same, with the untracked brands its answers present. */
  public static ReportData of(
      RunFacts facts,
      RunMetrics metrics,
      Set<Slice> slices,
      Optional<ComparisonView> comparison,
      Optional<String> primaryBrand,
      List<UntrackedBrand> untrackedBrands) {
    return new ReportData(
        facts,
        metrics,
        slices,
        comparison,
        Summary.of(metrics, comparison, primaryBrand),
        untrackedBrands);
  }

  /** Whether {@code slice} is shown. */
  boolean shows(Slice slice) {
    return slices.contains(slice);
  }
}
