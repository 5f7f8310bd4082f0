package dev.vis.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The running counts of one row of the metrics (one slice and grounding), kept per prompt so that a
 * bootstrap can resample prompts without going back to the answers.
 */
final class RowTally {
  private static final int MIN_ANSWERS = 10;
  private static final int MIN_PROMPTS = 5;

  private final int brands;
  private final TreeMap<Integer, PromptTally> prompts = new TreeMap<>();

  RowTally(int brands) {
    this.brands = brands;
  }

  void add(GroupCounts group) {
    prompts.computeIfAbsent(group.prompt(), p -> new PromptTally(brands)).add(group);
  }

  /**
   * The row's figures: each {@link RateMetric} with its interval ({@link RowRates}), and the
   * mention counts and positions beside them.
   *
   * @param overPrompts whether the slice spans several prompts, and so needs 5 to be a measurement
   * @param resamples the resamples for a given number of prompts
   */
  Cell toCell(
      String scope,
      String value,
      Grounding grounding,
      boolean overPrompts,
      List<String> brandNames,
      IntFunction<PromptResamples> resamples) {
    List<PromptTally> tallies = new ArrayList<>(prompts.values());
    int m = tallies.size();
    long answers = 0;
    long[] named = new long[brands];
    long[] mentions = new long[brands];
    long[] positionSum = new long[brands];
    double[] weighted = new double[brands];
    for (PromptTally t : tallies) {
      answers += t.answers;
      for (int b = 0; b < brands; b++) {
        named[b] += t.named(b);
        mentions[b] += t.mentions[b];
        positionSum[b] += t.positionSum(b);
        weighted[b] += t.weighted(b);
      }
    }
    boolean directional = answers < MIN_ANSWERS || (overPrompts && m < MIN_PROMPTS);
    List<Map<RateMetric, Proportion>> rates = RowRates.of(tallies, brands, resamples);
    List<BrandFigures> figures = new ArrayList<>(brands);
    for (int b = 0; b < brands; b++) {
      figures.add(
          new BrandFigures(
              brandNames.get(b),
              rates.get(b),
              mentions[b],
              named[b] == 0
                  ? OptionalDouble.empty()
                  : OptionalDouble.of((double) positionSum[b] / named[b]),
              answers == 0 ? 0 : weighted[b] / answers,
              positionSum[b],
              weighted[b]));
    }
    return new Cell(
        scope,
        value,
        answers,
        m,
        directional,
        figures,
        grounding,
        m >= 2 ? IntervalMethod.PROMPT_BOOTSTRAP : IntervalMethod.WILSON);
  }
}
