package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.RunSpec;
import dev.vis.spec.SpecLoader;
import dev.vis.spec.SpecYaml;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEstimateTest {
  @TempDir Path dir;

  private RunSpec spec(String budget) {
    // prompt tokens are estimated as length / 4 + 10: "Which CRM is best?" (18) -> 14
    return SpecLoader.load(
            "dry.yaml", SpecYaml.PRICED_MODELS + budget, dir, Map.of(), model -> true)
        .spec();
  }

  @Test
  void counts_each_models_tasks_tokens_searches_and_cost_at_max_tokens() {
    RunEstimate estimate = RunEstimate.of(spec(""));

    assertThat(estimate.tasks()).isEqualTo(18);
    // searching: 6 x 14 input at $1/M + 6 x 100 output at $2/M + 6 searches at $10/1k
    assertThat(estimate.models())
        .containsExactly(
            new RunEstimate.Model(
                "searching", 6, 84, 600, 6, Optional.of(new BigDecimal("0.061284"))),
            new RunEstimate.Model("plain", 6, 84, 300, 0, Optional.of(new BigDecimal("0.000684"))),
            new RunEstimate.Model("unpriced", 6, 84, 300, 0, Optional.empty()));
    assertThat(estimate.totalUsd()).isEqualByComparingTo("0.061968");
    assertThat(estimate.unpriced()).isEqualTo(1);
  }

  @Test
  void is_over_the_cap_only_when_the_total_passes_it() {
    RunSpec capped = spec("budget: {max_usd: 0.06}\n");
    RunSpec roomy = spec("budget: {max_usd: 0.07}\n");

    assertThat(RunEstimate.of(capped).overCap(capped)).isTrue();
    assertThat(RunEstimate.of(roomy).overCap(roomy)).isFalse();
    assertThat(RunEstimate.of(spec("")).overCap(spec(""))).isFalse();
  }
}
