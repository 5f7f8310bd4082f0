package dev.vis.analysis;

import static dev.vis.analysis.StatisticsSimulationTest.promptRates;
import static dev.vis.analysis.StatisticsSimulationTest.simulatedRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A seeded simulation of the smallest detectable drop a report states (docs/analysis.md): in each
 * of {@value #TRIALS} trials, a baseline and a current run with nothing changed give the figure; a
 * second current run whose every prompt's rate fell by exactly that figure is then gated against
 * the same baseline. The gate's measured power over the trials must be the promised 80%, within 5
 * points.
 */
class DetectableDropSimulationTest {
  /** Trials of the simulation: the power it measures has a standard error of 2 points. */
  static final int TRIALS = 400;

  /** The power measured at the stated drop, and the mean stated drop in points. */
  record Measured(double power, double meanDropPoints) {}

  static Measured simulate(long seed, int prompts, int samples, double threshold) {
    SplittableRandom random = new SplittableRandom(seed);
    GateOptions options =
        GateOptions.of(RateMetric.MENTION_RATE, StatisticsSimulationTest.BRANDS, threshold, 0.05);
    int caught = 0;
    double sum = 0;
    for (int t = 0; t < TRIALS; t++) {
      double[] rates = promptRates(random, prompts);
      RunTallies baseline = simulatedRun(random, rates, samples);
      BrandDelta unchanged =
          RegressionGate.compare(baseline, simulatedRun(random, rates, samples), options)
              .brands()
              .getFirst();
      double drop = unchanged.detectableDrop().orElseThrow();
      sum += drop;
      double[] lowered = rates.clone();
      for (int p = 0; p < prompts; p++) {
        lowered[p] = Math.max(0, rates[p] - drop);
      }
      if (RegressionGate.compare(baseline, simulatedRun(random, lowered, samples), options)
          .failed()) {
        caught++;
      }
    }
    return new Measured((double) caught / TRIALS, 100 * sum / TRIALS);
  }

  @Test
  void the_gate_catches_the_stated_drop_80_percent_of_the_time_at_30_prompts_by_3_samples() {
    Measured measured = simulate(707, 30, 3, 5);
    assertThat(measured.power()).as(measured.toString()).isBetween(0.75, 0.85);
  }
}
