package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every invalid input exits 2 with a located message, no stack trace, and writes nothing. */
class InvalidInputTest {
  static final String VALID =
      """
      version: 1
      brands:
        - name: Acme
      prompts:
        - id: p1
          text: Which CRM?
      models:
        - id: m1
          provider: sim
      """;

  @TempDir Path dir;
  CommandHarness vis;

  @BeforeEach
  void setUp() {
    vis = new CommandHarness(dir);
  }

  private CommandHarness.Result runSpec(String text) throws Exception {
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, text);
    return vis.run("run", spec.toString());
  }

  private void assertRefused(CommandHarness.Result result, String... fragments) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err()).as(result.toString()).contains(fragments);
    assertThat(result.err()).doesNotContain("Exception", "\tat ");
    assertThat(result.out()).isEmpty();
    assertThat(dir.resolve("vis.db")).as("nothing is written").doesNotExist();
  }

  @Nested
  class Specs {
    @Test
    void an_unknown_key_names_file_line_column_and_a_suggestion() throws Exception {
      assertRefused(
          runSpec(VALID.replace("  - id: m1\n", "  - id: m1\n    temprature: 0.2\n")),
          "spec.yaml:9:5: models[0].temprature: unknown field",
          "did you mean 'temperature'");
    }

    @Test
    void a_literal_api_key_is_refused_with_a_pointer_to_api_key_env() throws Exception {
      assertRefused(
          runSpec(VALID.replace("  - id: m1\n", "  - id: m1\n    api_key: sk-123\n")),
          "spec.yaml:9:5",
          "api_key_env");
    }

    @Test
    void an_alias_bomb_is_refused_before_it_expands() throws Exception {
      String bomb =
          VALID
              + "x: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
              + "y: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
              + "z: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
      assertRefused(runSpec(bomb), "spec.yaml:", "anchor");
    }

    @Test
    void a_duplicate_key_is_refused_where_it_repeats() throws Exception {
      assertRefused(
          runSpec(VALID + "samples: 2\nsamples: 3\n"), "spec.yaml:11:1", "duplicate key 'samples'");
    }

    @Test
    void a_binary_file_is_refused() throws Exception {
      Path spec = dir.resolve("spec.yaml");
      Files.write(spec, new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2, 3, (byte) 0xff, (byte) 0xfe});
      assertRefused(vis.run("run", spec.toString()), "spec.yaml");
    }

    @Test
    void a_budget_accepts_a_model_the_built_in_price_table_prices() throws Exception {
      Path spec = dir.resolve("spec.yaml");
      Files.writeString(
          spec,
          VALID.replace("provider: sim", "provider: openai\n    model: gpt-4o-mini")
              + "budget: {max_usd: 2}\n");
      CommandHarness.Result dry = vis.run("run", spec.toString(), "--dry-run");
      assertThat(dry.exitCode()).as(dry.toString()).isZero();
      assertThat(dry.out()).contains("m1", "0.0014", "budget: $2", "OPENAI_API_KEY");
    }

    @Test
    void a_missing_spec_file_is_named() {
      assertRefused(vis.run("run", dir.resolve("nope.yaml").toString()), "nope.yaml");
    }

    @Test
    void an_unknown_provider_suggests_the_right_one() throws Exception {
      assertRefused(
          runSpec(VALID.replace("provider: sim", "provider: opena1\n    model: gpt-4o")),
          "models[0].provider",
          "did you mean 'openai'");
    }
  }

  @Nested
  class Environment {
    @Test
    void a_missing_api_key_variable_is_named_before_anything_is_written() throws Exception {
      assertRefused(
          runSpec(VALID.replace("provider: sim", "provider: openai\n    model: gpt-4o-mini")),
          "OPENAI_API_KEY");
    }

    @Test
    void an_undefined_variable_in_the_spec_is_located() throws Exception {
      assertRefused(
          runSpec(VALID + "samples: ${VIS_TEST_UNDEFINED}\n"),
          "spec.yaml:10:",
          "VIS_TEST_UNDEFINED");
    }
  }

  @Nested
  class Options {
    @Test
    void an_unknown_option_exits_2_with_usage_help() {
      CommandHarness.Result result = vis.run("run", "--frobnicate", "x.yaml");
      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).contains("Unknown option: '--frobnicate'", "vis run --help");
    }

    @Test
    void an_unknown_command_suggests_one() {
      CommandHarness.Result result = vis.run("replya");
      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).contains("Did you mean", "replay");
    }

    @Test
    void an_unknown_report_format_lists_the_allowed_ones() throws Exception {
      Path spec = dir.resolve("spec.yaml");
      Files.writeString(spec, VALID);
      vis.run("run", spec.toString(), "--quiet");
      CommandHarness.Result result = vis.run("report", "--format", "pdf");
      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).contains("expected one of md|csv|json|html");
    }

    @Test
    void models_that_are_not_in_the_spec_are_refused() throws Exception {
      assertThat(runSpecWith("--models", "m2").err()).contains("--models: no model 'm2'");
    }

    private CommandHarness.Result runSpecWith(String... options) throws Exception {
      Path spec = dir.resolve("spec.yaml");
      Files.writeString(spec, VALID);
      String[] args = new String[options.length + 2];
      args[0] = "run";
      args[1] = spec.toString();
      System.arraycopy(options, 0, args, 2, options.length);
      CommandHarness.Result result = vis.run(args);
      assertThat(result.exitCode()).isEqualTo(2);
      return result;
    }
  }
}
