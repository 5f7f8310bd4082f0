package dev.vis.analysis;

/** The counts of one prompt's answers within one row of the metrics, per brand in spec order. */
final class PromptTally {
  private static final double POSITION_DECAY = 0.9;

  /** Answers that count for each brand, per {@link RateMetric.Counted}: [counted][brand]. */
  final long[][] counted;

  final long[] mentions;

  /** Answers naming each brand at each position: [brand][position - 1]. */
  private final long[][] positions;

  long answers;

  PromptTally(int brands) {
    counted = new long[RateMetric.Counted.values().length][brands];
    mentions = new long[brands];
    positions = new long[brands][0];
  }

  void add(GroupCounts group) {
    answers += group.answers();
    for (int c = 0; c < counted.length; c++) {
      long[] counts = group.counted()[c];
      long[] sums = counted[c];
      for (int b = 0; b < sums.length; b++) {
        sums[b] += counts[b];
      }
    }
    for (int b = 0; b < mentions.length; b++) {
      mentions[b] += group.mentions()[b];
      long[] more = group.positions()[b];
      if (more.length > positions[b].length) {
        positions[b] = java.util.Arrays.copyOf(positions[b], more.length);
      }
      for (int at = 0; at < more.length; at++) {
        positions[b][at] += more[at];
      }
    }
  }

  /** Answers naming brand {@code b}. */
  long named(int b) {
    return counted[RateMetric.Counted.NAMED.ordinal()][b];
  }

  /** The sum of brand {@code b}'s positions over the answers naming it. */
  long positionSum(int b) {
    long sum = 0;
    for (int at = 0; at < positions[b].length; at++) {
      sum += (at + 1) * positions[b][at];
    }
    return sum;
  }

  /**
   * The sum over answers of 0.9^(position - 1) for brand {@code b}: worked out from the count at
   * each position, so the figure is the same whatever order the answers were counted in.
   */
  double weighted(int b) {
    double sum = 0;
    for (int at = 0; at < positions[b].length; at++) {
      if (positions[b][at] > 0) {
        sum += positions[b][at] * Math.pow(POSITION_DECAY, at);
      }
    }
    return sum;
  }
}
