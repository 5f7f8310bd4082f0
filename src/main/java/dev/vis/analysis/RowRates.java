package dev.vis.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The {@link RateMetric}s of one row for every brand: numerators and denominators summed over the
 * row's prompts, with the interval each metric asks for. Metrics that count the same thing share
 * one array of per-prompt counts, so the bootstrap sums each array once per resample however many
 * rates read it.
 */
final class RowRates {
  private static final RateMetric[] METRICS = RateMetric.values();

  /** What a numerator array holds: a count per answer, or per prompt (1 when any answer counts). */
  private record NumeratorKey(RateMetric.Counted counted, boolean perPrompt) {}

  /** What a denominator array holds; {@code counted} only matters over all brands. */
  private record DenominatorKey(RateMetric.Over over, RateMetric.Counted counted) {}

  private final List<PromptTally> tallies;
  private final int brands;

  /**
   * Per metric: numerators [prompt * brands + brand] (laid out per prompt, as the bootstrap reads
   * them) and denominators [prompt], shared between metrics.
   */
  private final long[][] numerators = new long[METRICS.length][];

  private final long[][] denominators = new long[METRICS.length][];

  private RowRates(List<PromptTally> tallies, int brands) {
    this.tallies = tallies;
    this.brands = brands;
    Map<NumeratorKey, long[]> numeratorArrays = new HashMap<>();
    Map<DenominatorKey, long[]> denominatorArrays = new HashMap<>();
    for (RateMetric metric : METRICS) {
      RateMetric.Over over = metric.over();
      numerators[metric.ordinal()] =
          numeratorArrays.computeIfAbsent(
              new NumeratorKey(metric.counted(), over == RateMetric.Over.PROMPTS),
              this::numerators);
      denominators[metric.ordinal()] =
          denominatorArrays.computeIfAbsent(
              new DenominatorKey(
                  over, over == RateMetric.Over.ALL_BRANDS ? metric.counted() : null),
              this::denominators);
    }
  }

  /**
   * Every rate of every brand over the row's prompts: the metric's Wilson interval for a row of one
   * prompt or a metric that always takes Wilson, else a percentile bootstrap over the prompts.
   *
   * @param resamples the resamples for a given number of prompts
   */
  static List<Map<RateMetric, Proportion>> of(
      List<PromptTally> tallies, int brands, IntFunction<PromptResamples> resamples) {
    RowRates row = new RowRates(tallies, brands);
    double[][][] estimates =
        tallies.size() >= 2 ? row.bootstrap(resamples.apply(tallies.size())) : null;
    List<Map<RateMetric, Proportion>> rates = new ArrayList<>(brands);
    for (int b = 0; b < brands; b++) {
      Map<RateMetric, Proportion> figures = new EnumMap<>(RateMetric.class);
      for (RateMetric metric : METRICS) {
        int k = metric.ordinal();
        figures.put(
            metric,
            proportion(
                row.numerator(k, b),
                sum(row.denominators[k]),
                estimates == null || estimates[k] == null ? null : estimates[k][b]));
      }
      rates.add(figures);
    }
    return rates;
  }

  private static Proportion proportion(long numerator, long denominator, double[] estimates) {
    if (denominator == 0) {
      return Proportion.none();
    }
    if (estimates == null) {
      return WilsonInterval.of(numerator, denominator);
    }
    double[] interval = PromptResamples.percentileInterval(estimates);
    return new Proportion(
        numerator, denominator, (double) numerator / denominator, interval[0], interval[1]);
  }

  /** estimates[metric][brand][resample], for the metrics with the cell's interval; else null. */
  private double[][][] bootstrap(PromptResamples resamples) {
    int m = tallies.size();
    int count = resamples.resamples();
    // Every count the bootstrapped metrics read, one row per prompt: the numerators of each brand,
    // then the denominator; arrays shared by several metrics are laid out once. A resample is then
    // one pass over contiguous memory.
    List<long[]> blocks = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    int width = 0;
    int[] numeratorAt = new int[METRICS.length];
    int[] denominatorAt = new int[METRICS.length];
    double[][][] estimates = new double[METRICS.length][][];
    for (RateMetric metric : METRICS) {
      int k = metric.ordinal();
      if (metric.interval() != RateMetric.Interval.CELL) {
        continue;
      }
      for (long[] block : List.of(numerators[k], denominators[k])) {
        int at = blocks.indexOf(block);
        if (at < 0) {
          blocks.add(block);
          offsets.add(width);
          width += block.length / m;
          at = blocks.size() - 1;
        }
        if (block == numerators[k]) {
          numeratorAt[k] = offsets.get(at);
        } else {
          denominatorAt[k] = offsets.get(at);
        }
      }
      estimates[k] = new double[brands][count];
    }
    long[] joint = new long[m * width];
    for (int n = 0; n < blocks.size(); n++) {
      long[] block = blocks.get(n);
      int columns = block.length / m;
      for (int i = 0; i < m; i++) {
        System.arraycopy(block, i * columns, joint, i * width + offsets.get(n), columns);
      }
    }
    long[] sums = new long[width];
    for (int r = 0; r < count; r++) {
      int[] weights = resamples.counts(r);
      Arrays.fill(sums, 0);
      for (int i = 0; i < m; i++) {
        int w = weights[i];
        if (w == 0) {
          continue;
        }
        int row = i * width;
        for (int j = 0; j < width; j++) {
          sums[j] += w * joint[row + j];
        }
      }
      for (int k = 0; k < METRICS.length; k++) {
        if (estimates[k] != null) {
          long denominator = sums[denominatorAt[k]];
          for (int b = 0; b < brands; b++) {
            estimates[k][b][r] =
                denominator == 0 ? 0 : (double) sums[numeratorAt[k] + b] / denominator;
          }
        }
      }
    }
    return estimates;
  }

  private long[] numerators(NumeratorKey key) {
    long[] values = new long[tallies.size() * brands];
    for (int i = 0; i < tallies.size(); i++) {
      long[] counts = tallies.get(i).counted[key.counted().ordinal()];
      for (int b = 0; b < brands; b++) {
        values[i * brands + b] = key.perPrompt() ? Math.min(1, counts[b]) : counts[b];
      }
    }
    return values;
  }

  /** The numerator of metric {@code k} for brand {@code b}, summed over the row's prompts. */
  private long numerator(int k, int b) {
    long sum = 0;
    for (int at = b; at < numerators[k].length; at += brands) {
      sum += numerators[k][at];
    }
    return sum;
  }

  private long[] denominators(DenominatorKey key) {
    long[] values = new long[tallies.size()];
    for (int i = 0; i < tallies.size(); i++) {
      PromptTally t = tallies.get(i);
      values[i] =
          switch (key.over()) {
            case ANSWERS -> t.answers;
            case PROMPTS -> 1;
            case ALL_BRANDS -> sum(t.counted[key.counted().ordinal()]);
          };
    }
    return values;
  }

  private static long sum(long[] values) {
    long sum = 0;
    for (long v : values) {
      sum += v;
    }
    return sum;
  }
}
