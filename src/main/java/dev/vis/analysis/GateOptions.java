package dev.vis.analysis;

import java.util.List;

/**
 * What the regression gate compares and how strict it is.
 *
 * @param metric a rate the gate compares: one with a {@link RateMetric#gateWord()}
 * @param brands the gated brands (k = their number divides alpha)
 * @param thresholdPoints the drop, in percentage points (5 = 0.05), that must be exceeded
 * @param alpha the family-wise false-alarm rate; each brand is tested at alpha / k
 * @param resamples paired bootstrap resamples
 * @param seed the bootstrap's seed
 */
public record GateOptions(
    RateMetric metric,
    List<String> brands,
    double thresholdPoints,
    double alpha,
    int resamples,
    long seed) {
  public GateOptions {
    brands = List.copyOf(brands);
    if (metric.gateWord().isEmpty()) {
      throw new IllegalArgumentException("the gate cannot compare " + metric.key());
    }
    if (!(thresholdPoints >= 0) || !(alpha > 0 && alpha < 1) || resamples < 1) {
      throw new IllegalArgumentException(
          "need threshold >= 0, 0 < alpha < 1 and resamples >= 1, got "
              + thresholdPoints
              + ", "
              + alpha
              + ", "
              + resamples);
    }
  }

  /** Options with 1,000 resamples and the metrics' fixed seed. */
  public static GateOptions of(
      RateMetric metric, List<String> brands, double thresholdPoints, double alpha) {
    return new GateOptions(
        metric,
        brands,
        thresholdPoints,
        alpha,
        MetricsOptions.DEFAULT_RESAMPLES,
        MetricsOptions.DEFAULT_SEED);
  }
}
