package dev.vis.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run's counts per prompt, summed over the (prompt, model) cells both runs answered, for the
 * brands both runs track (in the order given).
 */
final class PromptCounts {
  /** One (prompt, model) cell of a run's tallies. */
  record CellKey(String promptId, String modelId) {}

  /** per prompt id: answers, then answers naming each compared brand */
  private final Map<String, long[]> counts;

  private PromptCounts(Map<String, long[]> counts) {
    this.counts = counts;
  }

  static PromptCounts of(RunTallies run, Set<CellKey> cells, List<String> compared) {
    int[] column = new int[compared.size()];
    for (int b = 0; b < compared.size(); b++) {
      column[b] = run.brands().indexOf(compared.get(b));
    }
    Map<String, long[]> counts = new HashMap<>();
    for (PromptModelTally cell : run.cells()) {
      if (!cells.contains(new CellKey(cell.promptId(), cell.modelId()))) {
        continue;
      }
      long[] sums = counts.computeIfAbsent(cell.promptId(), p -> new long[1 + compared.size()]);
      sums[0] += cell.answers();
      for (int b = 0; b < column.length; b++) {
        if (column[b] < cell.named().size()) {
          sums[1 + b] += cell.named().get(column[b]);
        }
      }
    }
    return new PromptCounts(counts);
  }

  /**
   * Per prompt in {@code prompts}: the numerator and denominator of a gated {@code metric} (one
   * counting answers naming the brand) for brand {@code b}.
   */
  RateSeries series(List<String> prompts, int b, RateMetric metric) {
    long[] numerators = new long[prompts.size()];
    long[] denominators = new long[prompts.size()];
    for (int i = 0; i < prompts.size(); i++) {
      long[] sums = counts.get(prompts.get(i));
      numerators[i] = sums[1 + b];
      denominators[i] =
          switch (metric.over()) {
            case ANSWERS -> sums[0];
            case ALL_BRANDS -> allBrands(sums);
            case PROMPTS -> throw new IllegalArgumentException("not gated: " + metric.key());
          };
    }
    return new RateSeries(numerators, denominators);
  }

  private static long allBrands(long[] sums) {
    long sum = 0;
    for (int j = 1; j < sums.length; j++) {
      sum += sums[j];
    }
    return sum;
  }
}
