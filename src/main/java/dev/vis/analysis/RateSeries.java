package dev.vis.analysis;

/**
 * A rate's numerator and denominator per prompt, in a fixed prompt order.
 *
 * @param numerators per prompt
 * @param denominators per prompt
 */
record RateSeries(long[] numerators, long[] denominators) {
  long numerator() {
    long sum = 0;
    for (long n : numerators) {
      sum += n;
    }
    return sum;
  }

  long denominator() {
    long sum = 0;
    for (long d : denominators) {
      sum += d;
    }
    return sum;
  }

  /** The ratio of sums with prompt {@code i} counted {@code weights[i]} times. */
  double resampled(int[] weights) {
    long num = 0;
    long den = 0;
    for (int i = 0; i < weights.length; i++) {
      num += weights[i] * numerators[i];
      den += weights[i] * denominators[i];
    }
    return den == 0 ? 0 : (double) num / den;
  }
}
