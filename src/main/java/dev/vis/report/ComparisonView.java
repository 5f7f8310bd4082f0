package dev.vis.report;

import dev.vis.analysis.Comparison;
import java.util.Objects;

/**
 * A comparison as the reports show it: the baseline it started from, what the gate computed, and
 * whether a drop fails the build.
 *
 * @param baseline where the baseline came from, and its facts
 * @param comparison the deltas, intervals, p-values and verdicts
 * @param gating whether {@code --fail-on-drop} was given (otherwise verdicts are informative only)
 */
public record ComparisonView(Baseline baseline, Comparison comparison, boolean gating) {
  public ComparisonView {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(comparison, "comparison");
  }

  /** Whether the gate fails the build. */
  public boolean tripped() {
    return gating && comparison.failed();
  }
}
