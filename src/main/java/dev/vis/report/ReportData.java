package dev.vis.report;

import dev.vis.analysis.VisibilityMetrics;
import java.util.Objects;

/**
 * Everything a report renders: the facts of one run and its metrics.
 *
 * @param facts the run's identity, progress and cost
 * @param metrics the visibility figures computed from its answers
 */
public record ReportData(RunFacts facts, VisibilityMetrics metrics) {
  public ReportData {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(metrics, "metrics");
  }
}
