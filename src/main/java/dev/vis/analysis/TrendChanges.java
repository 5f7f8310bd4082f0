package dev.vis.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The changes of a trend (SPEC §3, {@code vis trend}): each brand's mention rate between
 * consecutive runs, by the regression gate's paired prompt bootstrap, with Holm's correction across
 * every brand and step so that a steady series raises a false flag at most alpha of the time.
 *
 * <p>The gate's own p-value counts resamples and cannot go below 1 / (resamples + 1), while Holm
 * asks the strongest change to pass alpha / m with m = brands × steps (0.05 / 145 for 5 brands over
 * 30 runs). So the p-value here is two-sided and read off the same bootstrap's spread (SE: the
 * width of its 95% interval over 2 × 1.96). Stateless and thread-safe.
 */
public final class TrendChanges {
  /** Resamples per step: enough that the interval's ends, and so SE, are stable. */
  public static final int RESAMPLES = 4_000;

  private static final double Z_975 = 1.959963984540054;

  private TrendChanges() {}

  /**
   * Every tested step of every brand in {@code brands}, runs oldest first; a brand without answers
   * on both sides of a step is not tested there.
   */
  public static List<StepTest> of(List<RunTallies> runs, List<String> brands, double alpha) {
    List<StepTest> tests = new ArrayList<>();
    if (brands.isEmpty()) {
      return tests;
    }
    GateOptions options =
        new GateOptions(
            RateMetric.MENTION_RATE, brands, 0, alpha, RESAMPLES, MetricsOptions.DEFAULT_SEED);
    for (int step = 1; step < runs.size(); step++) {
      Comparison comparison = RegressionGate.compare(runs.get(step - 1), runs.get(step), options);
      int prompts = comparison.sharedPrompts().size();
      for (BrandDelta d : comparison.brands()) {
        if (d.verdict() != Verdict.NO_DATA) {
          tests.add(
              new StepTest(
                  d.brand(),
                  step - 1,
                  step,
                  d.delta(),
                  d.low(),
                  d.high(),
                  pValue(d, prompts),
                  false));
        }
      }
    }
    boolean[] real =
        HolmCorrection.survivors(tests.stream().mapToDouble(StepTest::pValue).toArray(), alpha);
    List<StepTest> corrected = new ArrayList<>(tests.size());
    for (int i = 0; i < tests.size(); i++) {
      corrected.add(tests.get(i).flagged(real[i]));
    }
    return corrected;
  }

  /**
   * Two-sided, from the bootstrap's spread over {@code prompts} shared prompts, as a score test:
   * the standard error is taken under "no change", where the mean squared prompt difference is the
   * variance, so SE0² = SE² + delta² / n (SE: the bootstrap's, whose plug-in variance centres on
   * the observed delta). delta / SE0 is compared with the normal distribution. The Student t
   * statistic with the centred SE is too liberal in the far tail Holm needs with a few samples per
   * prompt (a handful of prompts that moved the same way and the rest tied gives a tiny SE); the
   * score form is bounded by the square root of n and keeps the false flags at alpha
   * (TrendSimulationTest). With fewer than two prompts, or no spread at all, only agreement of
   * every resample counts.
   */
  static double pValue(BrandDelta d, int prompts) {
    double se = (d.high() - d.low()) / (2 * Z_975);
    if (d.delta() == 0) {
      return 1;
    }
    if (prompts < 2 || se <= 0) {
      return Math.min(1, 2.0 / (RESAMPLES + 1));
    }
    double underNull = Math.sqrt(se * se + d.delta() * d.delta() / prompts);
    return 2 * NormalTail.upper(Math.abs(d.delta()) / underNull);
  }
}
