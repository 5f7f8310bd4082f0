package dev.vis.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalDouble;

/** Running counts of one cell of the metrics, turned into a {@link Cell} at the end. */
final class CellTally {
  private static final int MIN_ANSWERS = 10;
  private static final int MIN_PROMPTS = 5;
  private static final double POSITION_DECAY = 0.9;

  private final int brands;
  private final BitSet prompts = new BitSet();
  private final long[] named;
  private final long[] mentions;
  private final long[] positionSum;
  private final long[] top1;
  private final double[] weighted;
  private final long[] cited;
  private final BitSet[] promptsNaming;
  private long answers;

  CellTally(int brands) {
    this.brands = brands;
    named = new long[brands];
    mentions = new long[brands];
    positionSum = new long[brands];
    top1 = new long[brands];
    weighted = new double[brands];
    cited = new long[brands];
    promptsNaming = new BitSet[brands];
    for (int b = 0; b < brands; b++) {
      promptsNaming[b] = new BitSet();
    }
  }

  void add(int prompt, AnswerFacts facts) {
    answers++;
    prompts.set(prompt);
    for (int b = 0; b < brands; b++) {
      if (facts.cited[b]) {
        cited[b]++;
      }
      if (!facts.names(b)) {
        continue;
      }
      int position = facts.positions[b];
      named[b]++;
      mentions[b] += facts.counts[b];
      positionSum[b] += position;
      weighted[b] += Math.pow(POSITION_DECAY, position - 1);
      if (position == 1) {
        top1[b]++;
      }
      promptsNaming[b].set(prompt);
    }
  }

  /**
   * The cell's figures.
   *
   * @param overPrompts whether the cell spans several prompts, and so needs 5 to be a measurement
   */
  Cell toCell(String scope, String value, boolean overPrompts, List<String> brandNames) {
    long promptCount = prompts.cardinality();
    boolean directional = answers < MIN_ANSWERS || (overPrompts && promptCount < MIN_PROMPTS);
    long allNamed = 0;
    for (long n : named) {
      allNamed += n;
    }
    List<BrandFigures> figures = new ArrayList<>(brands);
    for (int b = 0; b < brands; b++) {
      figures.add(
          new BrandFigures(
              brandNames.get(b),
              WilsonInterval.of(named[b], answers),
              WilsonInterval.of(promptsNaming[b].cardinality(), promptCount),
              WilsonInterval.of(named[b], allNamed),
              mentions[b],
              named[b] == 0
                  ? OptionalDouble.empty()
                  : OptionalDouble.of((double) positionSum[b] / named[b]),
              WilsonInterval.of(top1[b], answers),
              answers == 0 ? 0 : weighted[b] / answers,
              WilsonInterval.of(cited[b], answers)));
    }
    return new Cell(scope, value, answers, promptCount, directional, figures);
  }
}
