package dev.vis.analysis;

/**
 * The 95% Wilson score interval of a proportion: unlike the normal approximation it stays inside
 * [0, 1] and keeps a useful width at 0 and n successes and for small n.
 */
final class WilsonInterval {
  /** The two-sided 95% quantile of the standard normal distribution. */
  static final double Z = 1.959963984540054;

  private WilsonInterval() {}

  /**
   * The proportion {@code successes / trials} with its interval; {@link Proportion#none()} when
   * there are no trials.
   */
  static Proportion of(long successes, long trials) {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          "need 0 <= successes <= trials, got " + successes + " / " + trials);
    }
    if (trials == 0) {
      return Proportion.none();
    }
    double n = trials;
    double p = successes / n;
    double z2 = Z * Z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    double low = successes == 0 ? 0 : Math.max(0, centre - half);
    double high = successes == trials ? 1 : Math.min(1, centre + half);
    return new Proportion(successes, trials, p, low, high);
  }
}
