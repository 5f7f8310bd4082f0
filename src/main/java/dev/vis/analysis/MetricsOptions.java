package dev.vis.analysis;

/**
 * How the metrics are computed.
 *
 * @param includeBranded pool branded prompts into the headline figures
 * @param resamples bootstrap resamples for cells over several prompts
 * @param seed the bootstrap's seed: the same seed gives the same intervals
 */
public record MetricsOptions(boolean includeBranded, int resamples, long seed) {
  public static final int DEFAULT_RESAMPLES = 1_000;
  public static final long DEFAULT_SEED = 20_240_917L;

  public MetricsOptions {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be positive, got " + resamples);
    }
  }

  /** Headline figures without branded prompts, 1,000 resamples, the fixed seed. */
  public static MetricsOptions defaults() {
    return new MetricsOptions(false, DEFAULT_RESAMPLES, DEFAULT_SEED);
  }

  public MetricsOptions withIncludeBranded(boolean include) {
    return new MetricsOptions(include, resamples, seed);
  }
}
