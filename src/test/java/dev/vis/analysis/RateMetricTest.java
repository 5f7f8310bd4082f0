package dev.vis.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RateMetricTest {
  @Test
  void the_gate_compares_the_rates_a_run_s_tallies_can_recompute() {
    assertThat(RateMetric.gateWords()).containsExactly("mention", "share");
    assertThat(RateMetric.ofGateWord(" Share ")).contains(RateMetric.SHARE_OF_VOICE);
    assertThat(RateMetric.ofGateWord("top1")).isEmpty();
    assertThat(RateMetric.TOP1_RATE.gateWord()).isEmpty();
  }

  @Test
  void gate_options_refuse_a_rate_the_gate_cannot_compare() {
    assertThatThrownBy(() -> GateOptions.of(RateMetric.CITATION_RATE, List.of("Acme"), 5, 0.05))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the gate cannot compare citation_rate");
  }

  @Test
  void keys_and_labels_are_distinct() {
    assertThat(List.of(RateMetric.values()))
        .extracting(RateMetric::key)
        .doesNotHaveDuplicates()
        .allMatch(key -> key.matches("[a-z0-9_]+"));
    assertThat(List.of(RateMetric.values())).extracting(RateMetric::label).doesNotHaveDuplicates();
  }

  @Test
  void brand_figures_need_every_rate() {
    Map<RateMetric, Proportion> rates = new EnumMap<>(RateMetric.class);
    rates.put(RateMetric.MENTION_RATE, Proportion.none());
    assertThatThrownBy(() -> new BrandFigures("Acme", rates, 0, OptionalDouble.empty(), 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need every rate metric");
  }
}
