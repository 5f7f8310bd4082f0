package dev.vis.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  void add(int prompt, AnswerFacts facts) {
    prompts.computeIfAbsent(prompt, p -> new PromptTally(brands)).add(facts);
  }

  /**
   * The row's figures: Wilson intervals when it holds one prompt, else a percentile bootstrap over
   * its prompts (ratio of sums within each resample).
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
    long allNamed = 0;
    long[] named = new long[brands];
    long[] mentions = new long[brands];
    long[] positionSum = new long[brands];
    long[] top1 = new long[brands];
    double[] weighted = new double[brands];
    long[] cited = new long[brands];
    long[] promptsNaming = new long[brands];
    for (PromptTally t : tallies) {
      answers += t.answers;
      allNamed += t.allNamed;
      for (int b = 0; b < brands; b++) {
        named[b] += t.named[b];
        mentions[b] += t.mentions[b];
        positionSum[b] += t.positionSum[b];
        top1[b] += t.top1[b];
        weighted[b] += t.weighted[b];
        cited[b] += t.cited[b];
        if (t.named[b] > 0) {
          promptsNaming[b]++;
        }
      }
    }
    boolean directional = answers < MIN_ANSWERS || (overPrompts && m < MIN_PROMPTS);
    boolean bootstrap = m >= 2;
    Bootstrapped boot = bootstrap ? bootstrap(tallies, resamples.apply(m)) : null;
    List<BrandFigures> figures = new ArrayList<>(brands);
    for (int b = 0; b < brands; b++) {
      figures.add(
          new BrandFigures(
              brandNames.get(b),
              boot == null
                  ? WilsonInterval.of(named[b], answers)
                  : boot.rate(0, b, named[b], answers),
              WilsonInterval.of(promptsNaming[b], m),
              boot == null
                  ? WilsonInterval.of(named[b], allNamed)
                  : boot.rate(1, b, named[b], allNamed),
              mentions[b],
              named[b] == 0
                  ? OptionalDouble.empty()
                  : OptionalDouble.of((double) positionSum[b] / named[b]),
              boot == null
                  ? WilsonInterval.of(top1[b], answers)
                  : boot.rate(2, b, top1[b], answers),
              answers == 0 ? 0 : weighted[b] / answers,
              boot == null
                  ? WilsonInterval.of(cited[b], answers)
                  : boot.rate(3, b, cited[b], answers),
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
        bootstrap ? IntervalMethod.PROMPT_BOOTSTRAP : IntervalMethod.WILSON);
  }

  private Bootstrapped bootstrap(List<PromptTally> tallies, PromptResamples resamples) {
    int m = tallies.size();
    int count = resamples.resamples();
    // estimates[metric][brand][resample]; metrics: mention, share, top-1, citation
    double[][][] estimates = new double[4][brands][count];
    long[] named = new long[brands];
    long[] top1 = new long[brands];
    long[] cited = new long[brands];
    for (int r = 0; r < count; r++) {
      int[] weights = resamples.counts(r);
      long answers = 0;
      long allNamed = 0;
      Arrays.fill(named, 0);
      Arrays.fill(top1, 0);
      Arrays.fill(cited, 0);
      for (int i = 0; i < m; i++) {
        int w = weights[i];
        if (w == 0) {
          continue;
        }
        PromptTally t = tallies.get(i);
        answers += w * t.answers;
        allNamed += w * t.allNamed;
        for (int b = 0; b < brands; b++) {
          named[b] += w * t.named[b];
          top1[b] += w * t.top1[b];
          cited[b] += w * t.cited[b];
        }
      }
      for (int b = 0; b < brands; b++) {
        estimates[0][b][r] = ratio(named[b], answers);
        estimates[1][b][r] = ratio(named[b], allNamed);
        estimates[2][b][r] = ratio(top1[b], answers);
        estimates[3][b][r] = ratio(cited[b], answers);
      }
    }
    return new Bootstrapped(estimates);
  }

  static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }

  /** Bootstrap estimates of one row, turned into proportions with percentile intervals. */
  private record Bootstrapped(double[][][] estimates) {
    Proportion rate(int metric, int brand, long numerator, long denominator) {
      if (denominator == 0) {
        return Proportion.none();
      }
      double[] interval = PromptResamples.percentileInterval(estimates[metric][brand]);
      return new Proportion(
          numerator, denominator, ratio(numerator, denominator), interval[0], interval[1]);
    }
  }
}
