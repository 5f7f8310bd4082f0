package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.SpecYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vis run --dry-run}: the per-model estimate of tokens, searches and cost. */
class DryRunTest {
  @TempDir Path dir;

  @Test
  void estimates_each_models_cost_from_its_prices_max_tokens_and_search_fee() throws Exception {
    CommandHarness vis = new CommandHarness(dir);
    // prompt tokens are estimated as length / 4 + 10: "Which CRM is best?" (18) -> 14
    Path spec = Files.writeString(dir.resolve("dry.yaml"), SpecYaml.PRICED_MODELS);

    CommandHarness.Result dry = vis.run("run", spec.toString(), "--dry-run");

    assertThat(dry.exitCode()).as(dry.toString()).isZero();
    // searching: input 6 x 14 = 84 tokens, output 6 x 100 = 600, 6 searches
    //   = 84 x 1e-6 + 600 x 2e-6 + 6 x 0.010 = 0.061284
    assertThat(dry.out())
        .containsPattern("searching\\s+6\\s+84\\s+600\\s+6\\s+0\\.0613")
        .containsPattern("plain\\s+6\\s+84\\s+300\\s+0\\s+0\\.0007")
        .containsPattern("unpriced\\s+6\\s+84\\s+300\\s+0\\s+no price")
        .containsPattern("total\\s+0\\.0620")
        .contains("1 model(s) have no price", "OPENAI_API_KEY");
    assertThat(dir.resolve("vis.db")).doesNotExist();
  }

  @Test
  void warns_when_the_estimate_is_over_the_budget_cap() throws Exception {
    CommandHarness vis = new CommandHarness(dir);
    Path spec = dir.resolve("capped.yaml");
    // 2 prompts x 3 samples x (14 input tokens at $1/M + 100 output tokens at $2/M) = $0.001284
    String text =
        SpecYaml.estimated("capped")
            + """
        models:
          - {id: plain, provider: openai, model: gpt-4o-mini, max_tokens: 100}
        samples: 3
        pricing:
          gpt-4o-mini: {input: 1.00, output: 2.00}
        budget: {max_usd: 0.001}
        """;
    Files.writeString(spec, text);

    CommandHarness.Result over = vis.run("run", spec.toString(), "--dry-run");
    CommandHarness.Result raised =
        vis.run("run", spec.toString(), "--dry-run", "--max-usd", "0.01");
    CommandHarness.Result lowered =
        vis.run("run", spec.toString(), "--dry-run", "--max-usd", "0.0012");

    assertThat(over.exitCode()).as(over::toString).isZero();
    assertThat(over.out()).contains("budget: $0.001").doesNotContain("warning");
    assertThat(over.err())
        .as(over::toString)
        .contains(
            "vis: warning: the estimate of $0.0013 is over the cost cap of $0.001"
                + " (budget.max_usd)",
            "exit 4");
    assertThat(raised.err()).as(raised::toString).isEmpty();
    assertThat(lowered.err())
        .as(lowered::toString)
        .contains("the estimate of $0.0013 is over the cost cap of $0.0012 (--max-usd)");
  }
}
