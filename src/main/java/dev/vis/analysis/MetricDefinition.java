package dev.vis.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * What one reported metric counts, in words: the definitions part of every report (SPEC §7).
 *
 * @param key the metric's JSON key ({@code mention_rate})
 * @param label its name in tables ({@code Mention rate})
 * @param numerator what is counted ({@code answers that name the brand})
 * @param denominator what it is counted over ({@code answers received})
 * @param interval how its 95% interval is made; empty for a mean without one
 */
public record MetricDefinition(
    String key, String label, String numerator, String denominator, String interval) {
  /** Every metric a report shows: the {@link RateMetric}s in order, then the position figures. */
  public static List<MetricDefinition> all() {
    List<MetricDefinition> all = new ArrayList<>();
    for (RateMetric metric : RateMetric.values()) {
      all.add(metric.definition());
    }
    all.add(
        new MetricDefinition(
            "average_position",
            "Avg position",
            "the brand's positions summed (1 = the first tracked brand an answer names)",
            "answers that name the brand",
            ""));
    all.add(
        new MetricDefinition(
            "position_weighted",
            "Position-weighted visibility",
            "0.9^(position - 1) summed over answers that name the brand",
            "answers received",
            ""));
    return List.copyOf(all);
  }
}
