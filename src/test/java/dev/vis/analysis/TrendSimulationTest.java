package dev.vis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulations of {@link TrendChanges} with a planted truth, the figures docs/analysis.md
 * states: prompts whose true rates are drawn from [0.2, 0.8] as in {@link
 * StatisticsSimulationTest}, one model, the same prompts every run.
 */
class TrendSimulationTest {
  /** Share of trials with at least one flag; {@code dropAt} &lt; 0 plants no change. */
  static double flagRate(
      long seed, int trials, int runs, int prompts, int samples, int dropAt, double drop) {
    SplittableRandom random = new SplittableRandom(seed);
    int flagged = 0;
    for (int t = 0; t < trials; t++) {
      double[] rates = StatisticsSimulationTest.promptRates(random, prompts);
      double[] lowered = rates.clone();
      for (int p = 0; p < prompts; p++) {
        lowered[p] = rates[p] - drop;
      }
      List<RunTallies> series = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        series.add(
            StatisticsSimulationTest.simulatedRun(
                random, dropAt >= 0 && r >= dropAt ? lowered : rates, samples));
      }
      List<StepTest> tests = TrendChanges.of(series, StatisticsSimulationTest.BRANDS, 0.05);
      if (dropAt < 0
          ? tests.stream().anyMatch(StepTest::real)
          : tests.stream().anyMatch(s -> s.real() && s.to() == dropAt)) {
        flagged++;
      }
    }
    return (double) flagged / trials;
  }

  /** Trials per figure: 100 in the suite; {@code -Dvis.trend.trials=400} for docs/analysis.md. */
  static final int TRIALS = Integer.getInteger("vis.trend.trials", 100);

  /** Within three standard errors of the figure docs/analysis.md states (400 trials). */
  static void assertNear(double rate, double documented) {
    double error = StatisticsSimulationTest.simulationError(documented, TRIALS);
    assertThat(rate).isBetween(documented - error, documented + error);
  }

  /**
   * How often a 15-point drop after the first of {@code runs} runs of 30 prompts by {@code samples}
   * is flagged is near what docs/analysis.md states.
   */
  static void assertDropFlagged(String what, int runs, int samples, double documented) {
    assertNear(measured(what, flagRate(2, TRIALS, runs, 30, samples, 1, 0.15)), documented);
  }

  static double measured(String what, double rate) {
    System.out.printf(Locale.ROOT, "trend simulation, %d trials: %s: %.3f%n", TRIALS, what, rate);
    return rate;
  }

  @Test
  void a_steady_series_of_30_runs_raises_a_false_flag_at_most_5_percent_of_the_time() {
    double rate =
        measured("steady, 30 runs, 30 prompts x 3 samples", flagRate(1, TRIALS, 30, 30, 3, -1, 0));
    assertThat(rate)
        .isLessThanOrEqualTo(0.05 + StatisticsSimulationTest.simulationError(0.05, TRIALS));
  }

  @Test
  void flags_a_15_point_drop_between_two_runs_of_30_prompts_by_3_samples_most_of_the_time() {
    assertDropFlagged("15-point drop, 2 runs, 30 prompts x 3 samples", 2, 3, 0.59);
  }

  @Test
  void flags_a_15_point_drop_in_a_3_run_trend_at_30_prompts_by_6_answers_as_docs_state() {
    assertDropFlagged(
        "15-point drop after the first run, 3 runs, 30 prompts x 6 answers", 3, 6, 0.77);
  }
}
