package dev.vis.report;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code vis report} was asked to show.
 *
 * @param slices the tables (markdown) and rows (CSV) below the brand summary
 * @param includeBranded pool branded prompts into the headline figures
 * @param compare the comparison with a baseline, when asked for
 */
public record ReportOptions(
    Set<Slice> slices, boolean includeBranded, Optional<CompareOptions> compare) {
  public ReportOptions {
    slices = Set.copyOf(slices);
    Objects.requireNonNull(compare, "compare");
  }
}
