package dev.vis.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The parts of {@link TrendChanges}: Holm's step-down, the normal tail, the steps tested. */
class TrendChangesTest {
  @Nested
  class Holm {
    @Test
    void steps_down_from_the_smallest_p_value_and_stops_at_the_first_that_fails() {
      // m = 4: 0.01 <= 0.05/4, 0.012 <= 0.05/3, 0.03 > 0.05/2 stops, so 0.04 fails too
      boolean[] real = HolmCorrection.survivors(new double[] {0.04, 0.01, 0.03, 0.012}, 0.05);

      assertThat(real).containsExactly(false, true, false, true);
    }

    @Test
    void keeps_nothing_of_an_empty_family() {
      assertThat(HolmCorrection.survivors(new double[0], 0.05)).isEmpty();
    }
  }

  @Test
  void normal_tail_matches_known_quantiles() {
    assertThat(NormalTail.upper(0)).isCloseTo(0.5, within(1e-7));
    assertThat(NormalTail.upper(1.959963984540054)).isCloseTo(0.025, within(1e-7));
    assertThat(NormalTail.upper(3.090232306167813)).isCloseTo(0.001, within(1e-8));
    assertThat(NormalTail.upper(-1.6448536269514722)).isCloseTo(0.95, within(1e-7));
  }

  @Test
  void tests_every_brand_at_every_step_and_flags_only_a_real_drop() {
    SplittableRandom random = new SplittableRandom(7);
    double[] rates = StatisticsSimulationTest.promptRates(random, 30);
    double[] lowered = rates.clone();
    for (int p = 0; p < lowered.length; p++) {
      lowered[p] = Math.max(0, rates[p] - 0.4);
    }
    List<RunTallies> runs =
        List.of(
            StatisticsSimulationTest.simulatedRun(random, rates, 5),
            StatisticsSimulationTest.simulatedRun(random, rates, 5),
            StatisticsSimulationTest.simulatedRun(random, lowered, 5));

    List<StepTest> tests = TrendChanges.of(runs, StatisticsSimulationTest.BRANDS, 0.05);

    assertThat(tests).extracting(StepTest::from).containsExactly(0, 1);
    assertThat(tests.stream().filter(StepTest::real))
        .singleElement()
        .satisfies(s -> assertThat(s.to()).isEqualTo(2))
        .satisfies(s -> assertThat(s.delta()).isNegative());
  }
}
