package dev.vis.analysis;

/** The counts of one prompt's answers within one row of the metrics, per brand in spec order. */
final class PromptTally {
  private static final double POSITION_DECAY = 0.9;

  final long[] named;
  final long[] mentions;
  final long[] positionSum;
  final long[] top1;
  final double[] weighted;
  final long[] cited;
  long answers;

  /** Sum over brands of answers naming each: the denominator of share of voice. */
  long allNamed;

  PromptTally(int brands) {
    named = new long[brands];
    mentions = new long[brands];
    positionSum = new long[brands];
    top1 = new long[brands];
    weighted = new double[brands];
    cited = new long[brands];
  }

  void add(AnswerFacts facts) {
    answers++;
    for (int b = 0; b < named.length; b++) {
      if (facts.cited[b]) {
        cited[b]++;
      }
      if (!facts.names(b)) {
        continue;
      }
      int position = facts.positions[b];
      named[b]++;
      allNamed++;
      mentions[b] += facts.counts[b];
      positionSum[b] += position;
      weighted[b] += Math.pow(POSITION_DECAY, position - 1);
      if (position == 1) {
        top1[b]++;
      }
    }
  }
}
