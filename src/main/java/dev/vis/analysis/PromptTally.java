package dev.vis.analysis;

/** The counts of one prompt's answers within one row of the metrics, per brand in spec order. */
final class PromptTally {
  private static final double POSITION_DECAY = 0.9;

  /** Answers that count for each brand, per {@link RateMetric.Counted}: [counted][brand]. */
  final long[][] counted;

  final long[] mentions;
  final long[] positionSum;
  final double[] weighted;
  long answers;

  PromptTally(int brands) {
    counted = new long[RateMetric.Counted.values().length][brands];
    mentions = new long[brands];
    positionSum = new long[brands];
    weighted = new double[brands];
  }

  void add(AnswerFacts facts) {
    answers++;
    for (int c = 0; c < counted.length; c++) {
      boolean[] counts = facts.counted[c];
      long[] sums = counted[c];
      for (int b = 0; b < sums.length; b++) {
        if (counts[b]) {
          sums[b]++;
        }
      }
    }
    for (int b = 0; b < mentions.length; b++) {
      if (!facts.names(b)) {
        continue;
      }
      int position = facts.positions[b];
      mentions[b] += facts.counts[b];
      positionSum[b] += position;
      weighted[b] += Math.pow(POSITION_DECAY, position - 1);
    }
  }

  /** Answers naming brand {@code b}. */
  long named(int b) {
    return counted[RateMetric.Counted.NAMED.ordinal()][b];
  }
}
