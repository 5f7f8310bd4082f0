package dev.vis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulations with a planted truth that check the intervals and the gate do what
 * docs/analysis.md says. Each prompt has its own true mention rate, drawn uniformly from [0.2, 0.8]
 * (mean 0.5), so answers to one prompt are correlated, as with real models.
 */
class StatisticsSimulationTest {
  static final List<String> BRANDS = List.of("Acme");
  static final double LOW_RATE = 0.2;
  static final double HIGH_RATE = 0.8;
  static final double TRUE_MEAN = (LOW_RATE + HIGH_RATE) / 2;

  static double[] promptRates(SplittableRandom random, int prompts) {
    double[] rates = new double[prompts];
    for (int i = 0; i < prompts; i++) {
      rates[i] = LOW_RATE + (HIGH_RATE - LOW_RATE) * random.nextDouble();
    }
    return rates;
  }

  /** One answer to {@code prompt}, naming Acme first with probability {@code rate}, counted. */
  static GroupCounts answer(SplittableRandom random, int prompt, double rate) {
    long named = random.nextDouble() < rate ? 1 : 0;
    return new GroupCounts(
        prompt,
        0,
        false,
        1,
        new long[][] {{named}, {named}, {0}},
        new long[] {named},
        new long[][] {named == 1 ? new long[] {1} : new long[0]});
  }

  /** The overall cell of one simulated run: {@code samples} answers to each prompt. */
  static Cell simulatedCell(SplittableRandom random, double[] rates, int samples) {
    RowTally row = new RowTally(1);
    for (int p = 0; p < rates.length; p++) {
      for (int s = 0; s < samples; s++) {
        row.add(answer(random, p, rates[p]));
      }
    }
    return row.toCell(
        "overall",
        "",
        Grounding.PARAMETRIC,
        true,
        BRANDS,
        m -> PromptResamples.of(m, MetricsOptions.DEFAULT_RESAMPLES, MetricsOptions.DEFAULT_SEED));
  }

  static RunTallies simulatedRun(SplittableRandom random, double[] rates, int samples) {
    List<TallyPrompt> prompts = new ArrayList<>();
    List<PromptModelTally> cells = new ArrayList<>();
    for (int p = 0; p < rates.length; p++) {
      prompts.add(new TallyPrompt("p" + p, "question " + p, false));
      long named = 0;
      for (int s = 0; s < samples; s++) {
        if (random.nextDouble() < rates[p]) {
          named++;
        }
      }
      cells.add(new PromptModelTally("p" + p, "m", samples, List.of(named)));
    }
    return new RunTallies(
        BRANDS, "rules", prompts, List.of(new TallyModel("m", "sim", "sim", false)), cells);
  }

  /**
   * Share of trials in which the gate (alpha 0.05, one brand, {@code threshold} points) says DROP
   * when every prompt's rate falls by {@code drop} between baseline and current run.
   */
  static double dropRate(
      long seed, int trials, int prompts, int samples, double drop, double threshold) {
    SplittableRandom random = new SplittableRandom(seed);
    GateOptions options = GateOptions.of(RateMetric.MENTION_RATE, BRANDS, threshold, 0.05);
    int drops = 0;
    for (int t = 0; t < trials; t++) {
      double[] rates = promptRates(random, prompts);
      double[] lowered = rates.clone();
      for (int p = 0; p < prompts; p++) {
        lowered[p] = rates[p] - drop;
      }
      RunTallies baseline = simulatedRun(random, rates, samples);
      RunTallies current = simulatedRun(random, lowered, samples);
      if (RegressionGate.compare(baseline, current, options).failed()) {
        drops++;
      }
    }
    return (double) drops / trials;
  }

  /** Three standard errors of a simulated proportion near {@code p}. */
  static double simulationError(double p, int trials) {
    return 3 * Math.sqrt(p * (1 - p) / trials);
  }

  @Nested
  class Coverage {
    @Test
    void wilson_intervals_of_one_prompt_cells_cover_the_true_rate_in_at_least_93_percent() {
      SplittableRandom random = new SplittableRandom(101);
      int trials = 2_000;
      int covered = 0;
      for (int t = 0; t < trials; t++) {
        double rate = promptRates(random, 1)[0];
        int samples = 5 + random.nextInt(26);
        long named = 0;
        for (int s = 0; s < samples; s++) {
          if (random.nextDouble() < rate) {
            named++;
          }
        }
        Proportion p = WilsonInterval.of(named, samples);
        if (p.low() <= rate && rate <= p.high()) {
          covered++;
        }
      }
      assertThat((double) covered / trials).isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void prompt_bootstrap_intervals_cover_the_mean_rate_at_30_prompts_by_3_samples() {
      assertThat(bootstrapCoverage(202, 800, 30, 3)).isGreaterThanOrEqualTo(0.93);
    }

    static double bootstrapCoverage(long seed, int trials, int prompts, int samples) {
      SplittableRandom random = new SplittableRandom(seed);
      int covered = 0;
      for (int t = 0; t < trials; t++) {
        Cell cell = simulatedCell(random, promptRates(random, prompts), samples);
        assertThat(cell.interval()).isEqualTo(IntervalMethod.PROMPT_BOOTSTRAP);
        Proportion p = cell.brands().get(0).mentionRate();
        if (p.low() <= TRUE_MEAN && TRUE_MEAN <= p.high()) {
          covered++;
        }
      }
      return (double) covered / trials;
    }
  }

  @Nested
  class Gate {
    @Test
    void seldom_fails_a_build_when_nothing_changed() {
      int trials = 600;
      assertThat(dropRate(404, trials, 30, 3, 0, 5))
          .isLessThanOrEqualTo(0.05 + simulationError(0.05, trials));
    }

    @Test
    void its_p_value_alone_false_alarms_at_no_more_than_alpha() {
      int trials = 600;
      assertThat(dropRate(505, trials, 30, 3, 0, 0))
          .isLessThanOrEqualTo(0.05 + simulationError(0.05, trials));
    }

    @Test
    void catches_a_10_point_drop_at_30_prompts_by_3_samples_with_the_power_docs_state() {
      assertThat(dropRate(606, 600, 30, 3, 0.10, 5)).isBetween(0.30, 0.52);
    }
  }
}
