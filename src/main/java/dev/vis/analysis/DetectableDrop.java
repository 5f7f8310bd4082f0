package dev.vis.analysis;

import java.util.OptionalDouble;

/**
 * The smallest drop the regression gate would catch with 80% power, read from the same paired
 * prompt bootstrap it tests with (SPEC §7: "no change" must not read as "no risk").
 *
 * <p>The bootstrap's deltas, centred on the observed delta, stand for the sampling error {@code e}
 * of a delta between the two runs. A true drop {@code D} is observed as {@code -D + e}, and the
 * gate trips when the observed drop exceeds both the threshold and the critical value {@code c} of
 * its one-sided p-value ({@code p < level} holds when {@code -observed > c}, c the (m+1)-th largest
 * centred delta, m the most resamples p lets lie at or above 0). So the gate catches {@code D} with
 * power 0.8 when {@code D = max(threshold, c) + q}, q the 80th percentile of {@code e}.
 *
 * <p>Two small-sample corrections widen q, as a normal approximation gives them: a bootstrap over n
 * prompts sees (n - 1) / n of the delta's variance, and the gate of the run that would drop
 * estimates its own critical value afresh (its spread is about {@code c / sqrt(2 (n - 1))}). And
 * the bootstrap's spread is never taken below the answers' own sampling noise (each prompt's
 * answers as binomial draws, both runs): two runs that happen to agree prompt by prompt, or the
 * same seeded simulation run twice, would otherwise claim to catch any drop past the threshold. A
 * seeded simulation in the suite checks the result against the gate's measured power.
 */
final class DetectableDrop {
  private DetectableDrop() {}

  /**
   * The smallest detectable drop as a fraction (0.1 = 10 points); empty when no drop can pass the
   * p-value test with this many resamples.
   *
   * @param sortedDeltas the bootstrap's deltas, sorted ascending
   * @param observed the observed delta
   * @param prompts how many prompts the bootstrap resamples
   * @param noise the standard deviation of the delta from the answers' sampling alone
   * @param threshold the drop, as a fraction, the gate needs exceeded
   * @param level the p-value must be below this
   */
  static OptionalDouble of(
      double[] sortedDeltas,
      double observed,
      int prompts,
      double noise,
      double threshold,
      double level) {
    int count = sortedDeltas.length;
    // p = (1 + resamples with a delta >= 0) / (1 + count) < level: at most m such resamples
    int m = (int) Math.ceil(level * (1 + count)) - 2;
    if (m < 0) {
      return OptionalDouble.empty();
    }
    double spread = spread(sortedDeltas);
    if (spread == 0 && noise > 0) {
      // identical runs: the bootstrap has no shape to scale up to the answers' noise
      return OptionalDouble.empty();
    }
    double floor = spread > 0 ? Math.max(1, noise / spread) : 1;
    double critical = (sortedDeltas[count - 1 - m] - observed) * floor;
    double quantile =
        (sortedDeltas[(int) Math.ceil(BrandDelta.DETECTION_POWER * count) - 1] - observed) * floor;
    spread *= floor;
    double widen = 1;
    if (prompts > 1 && spread > 0) {
      double z = critical / spread;
      widen = Math.sqrt((double) prompts / (prompts - 1) + z * z / (2.0 * (prompts - 1)));
    }
    return OptionalDouble.of(Math.max(0, Math.max(threshold, critical) + quantile * widen));
  }

  /**
   * The standard deviation of a run's rate from its answers' sampling alone: each prompt's answers
   * as binomial draws at the prompt's observed rate, {@code sqrt(sum k (1 - k / n)) / sum n}.
   */
  static double binomialNoise(RateSeries series) {
    double variance = 0;
    long[] k = series.numerators();
    long[] n = series.denominators();
    for (int i = 0; i < k.length; i++) {
      if (n[i] > 0) {
        variance += k[i] * (1 - (double) k[i] / n[i]);
      }
    }
    long total = series.denominator();
    return total == 0 ? 0 : Math.sqrt(variance) / total;
  }

  /** The standard deviation of the deltas. */
  private static double spread(double[] deltas) {
    double mean = 0;
    for (double d : deltas) {
      mean += d;
    }
    mean /= deltas.length;
    double squares = 0;
    for (double d : deltas) {
      squares += (d - mean) * (d - mean);
    }
    return Math.sqrt(squares / deltas.length);
  }
}
