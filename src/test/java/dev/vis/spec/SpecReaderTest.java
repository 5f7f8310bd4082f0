package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpecReaderTest {
  @TempDir Path dir;

  private List<String> problems(String yaml) {
    return new SpecFixture(dir).problems(yaml);
  }

  /** One line added to a valid spec, and the one problem it makes. */
  static List<Arguments> oneLineRefusals() {
    return List.of(
        Arguments.of(
            "an unknown key with a did you mean",
            "sampels: 3\n",
            "spec.yaml:10:1: sampels: unknown field (did you mean 'samples'?)"),
        Arguments.of(
            "an unknown key far from any with the allowed ones",
            "retry: {backoff: 2}\n",
            "spec.yaml:10:9: retry.backoff: unknown field; allowed here: max_attempts,"
                + " initial_delay, max_delay"),
        Arguments.of(
            "a word where an integer belongs",
            "samples: many\n",
            "spec.yaml:10:1: samples: expected an integer, got 'many'"),
        Arguments.of(
            "a count below one",
            "concurrency: 0\n",
            "spec.yaml:10:1: concurrency: must be at least 1, got 0"),
        Arguments.of(
            "a malformed duration",
            "timeout: 60\n",
            "spec.yaml:10:1: timeout: expected a duration like 60s, 500ms, 2m or 1h, got '60'"),
        Arguments.of(
            "a list where a single value belongs",
            "name: [a, b]\n",
            "spec.yaml:10:1: name: expected a single value, got a list"),
        Arguments.of(
            "a budget of zero",
            "budget: {max_usd: 0}\n",
            "spec.yaml:10:10: budget.max_usd: must be greater than 0, got 0"));
  }

  @ParameterizedTest(name = "refuses {0}")
  @MethodSource("oneLineRefusals")
  void refuses_one_added_line(String what, String line, String problem) {
    assertThat(problems(SpecFixture.MINIMAL + line)).containsExactly(problem);
  }

  @Nested
  class Refuses {
    @Test
    void a_version_other_than_1() {
      assertThat(problems(SpecFixture.MINIMAL.replace("version: 1", "version: 2")))
          .containsExactly(
              "spec.yaml:1:1: version: unsupported version 2 (this vis reads version 1)");
    }

    @Test
    void missing_required_sections_at_the_top() {
      assertThat(problems("name: x\n"))
          .containsExactly(
              "spec.yaml:1:1: version: is required",
              "spec.yaml:1:1: brands: is required",
              "spec.yaml:1:1: prompts: is required",
              "spec.yaml:1:1: models: is required");
    }

    @Test
    void empty_lists() {
      assertThat(problems("version: 1\nbrands: []\nprompts: []\nmodels: []\n"))
          .containsExactly(
              "spec.yaml:2:1: brands: must not be empty",
              "spec.yaml:3:1: prompts: must not be empty",
              "spec.yaml:4:1: models: must not be empty");
    }

    @Test
    void a_budget_over_a_model_without_a_price() {
      String yaml =
          SpecFixture.MINIMAL
              + """
                - id: gpt
                  provider: openai
                  model: gpt-4o-mini
              budget: {max_usd: 5}
              pricing:
                gpt-4o: {input: 2.5, output: 10}
              """;

      assertThat(problems(yaml))
          .containsExactly(
              "spec.yaml:10:5: models[1]: no price for model 'gpt-4o-mini', and budget: needs one;"
                  + " add pricing: {gpt-4o-mini: {input: …, output: …}} in USD per million tokens");
    }

    @Test
    void a_negative_price_and_a_missing_one() {
      assertThat(problems(SpecFixture.MINIMAL + "pricing:\n  m: {input: -1}\n"))
          .containsExactly(
              "spec.yaml:11:6: pricing.m.output: is required",
              "spec.yaml:11:7: pricing.m.input: must not be negative, got -1");
    }

    @Test
    void a_max_delay_shorter_than_the_initial_delay() {
      assertThat(problems(SpecFixture.MINIMAL + "retry: {initial_delay: 10s, max_delay: 1s}\n"))
          .containsExactly(
              "spec.yaml:10:29: retry.max_delay: max_delay must not be shorter than initial_delay");
    }
  }

  @Test
  void reports_every_problem_at_once_in_file_order() {
    String yaml =
        """
        version: 1
        samples: many
        brands: [{name: Acme, primary: maybe}]
        prompts: [{id: p1, txt: Hi}]
        models: [{id: m, provider: opena1}]
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "spec.yaml:2:1: samples: expected an integer, got 'many'",
            "spec.yaml:3:23: brands[0].primary: expected true or false, got 'maybe'",
            "spec.yaml:4:11: prompts[0].text: is required",
            "spec.yaml:4:20: prompts[0].txt: unknown field (did you mean 'text'?)",
            "spec.yaml:5:18: models[0].provider: unknown provider 'opena1' (did you mean"
                + " 'openai'?)");
  }
}
