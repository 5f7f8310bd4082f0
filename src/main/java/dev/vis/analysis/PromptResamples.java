package dev.vis.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Bootstrap resamples of a cell's prompts, as multiplicities: resample {@code r} draws prompt
 * {@code i} {@code count(r, i)} times. The draws depend only on the seed, the number of prompts and
 * the resample, so every cell with the same number of prompts uses the same index sets and a report
 * renders byte-identical every time.
 *
 * <p>Immutable and thread-safe.
 */
final class PromptResamples {
  private static final double LOW_QUANTILE = 0.025;
  private static final double HIGH_QUANTILE = 0.975;

  private final int[][] counts;

  private PromptResamples(int[][] counts) {
    this.counts = counts;
  }

  static PromptResamples of(int prompts, int resamples, long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (prompts + 1L)));
    int[][] counts = new int[resamples][prompts];
    for (int r = 0; r < resamples; r++) {
      for (int draw = 0; draw < prompts; draw++) {
        counts[r][random.nextInt(prompts)]++;
      }
    }
    return new PromptResamples(counts);
  }

  int resamples() {
    return counts.length;
  }

  /** How often each prompt is drawn in resample {@code r}; do not modify. */
  int[] counts(int r) {
    return counts[r];
  }

  /**
   * The 2.5% and 97.5% percentiles of the estimates (sorted in place): the order statistics {@code
   * ceil(q * B)} of B estimates.
   */
  static double[] percentileInterval(double[] estimates) {
    Arrays.sort(estimates);
    int n = estimates.length;
    return new double[] {
      estimates[Math.max(0, (int) Math.ceil(LOW_QUANTILE * n) - 1)],
      estimates[Math.min(n - 1, (int) Math.ceil(HIGH_QUANTILE * n) - 1)]
    };
  }
}
