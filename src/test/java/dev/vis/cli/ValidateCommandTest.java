package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vis validate SPEC} and the same lint in {@code vis run --dry-run}. */
class ValidateCommandTest {
  static final String LINTED =
      """
      version: 1
      name: lint
      brands:
        - name: Acme CRM
          aliases: [Zoom]
          domains: [acme.com]
        - name: X
        - name: Globex
          aliases: [acme.com]
      prompts:
        - {id: best-crm, text: "What is the best CRM?"}
        - {id: acme-review, text: "Is Acme CRM any good?"}
      models:
        - {id: offline, provider: sim}
        - {id: gpt, provider: openai, model: gpt-unknown-9}
      """;

  @TempDir Path dir;
  CommandHarness vis;

  @BeforeEach
  void setUp() {
    vis = new CommandHarness(dir);
    vis.env.put("OPENAI_API_KEY", "sk-test");
  }

  private Path write(String name, String yaml) throws Exception {
    Path spec = dir.resolve(name);
    Files.writeString(spec, yaml);
    return spec;
  }

  @Test
  void warns_on_a_brand_no_prompt_can_surface_and_exits_0() throws Exception {
    Path spec =
        write(
            "surface.yaml",
            """
            version: 1
            brands:
              - name: Initech
                aliases: [Initech Cloud]
                exclude: [Initech]
              - name: Globex
              - name: Hooli
                exclude: [Hooli Phone]
            prompts:
              - {id: globex-vs, text: "Is Globex better than its rivals?"}
              - {id: globex-price, text: "What does Globex cost?"}
            models:
              - {id: offline, provider: sim}
            """);

    CommandHarness.Result validate = vis.run("validate", spec.toString()).assertExit(0);

    String file = spec.toString();
    assertThat(validate.err().lines())
        .as(validate::toString)
        .contains(
            file
                + ":3:5: warning: brands[0].name: no answer can count 'Initech': each of its"
                + " names and aliases lies inside one of its exclude phrases (Initech), so no"
                + " prompt can surface it; narrow the exclude phrases to the look-alikes around"
                + " the name",
            file
                + ":6:5: warning: brands[1].name: every prompt names 'Globex', and branded"
                + " prompts stay out of the headline figures, so no prompt can surface it"
                + " unprompted; add prompts that do not name it")
        .noneMatch(line -> line.contains("'Hooli'"));
  }

  @Test
  void warns_on_a_common_word_alias_a_one_letter_brand_and_a_branded_prompt_and_exits_0()
      throws Exception {
    Path spec = write("lint.yaml", LINTED);

    CommandHarness.Result validate = vis.run("validate", spec.toString()).assertExit(0);

    assertThat(validate.out()).isEmpty();
    String file = spec.toString();
    assertThat(validate.err().lines())
        .as(validate::toString)
        .containsExactly(
            file
                + ":5:15: warning: brands[0].aliases[0]: 'Zoom' is a common English word: answers"
                + " that use the word will count as 'Acme CRM'; add exclude phrases for its"
                + " ordinary uses, set case_sensitive: true, or use a longer alias",
            file
                + ":7:5: warning: brands[1].name: 'X' is only 1 letter(s) and matched ignoring"
                + " case, so ordinary text will count as 'X'; set case_sensitive: true for this"
                + " brand, or use a longer alias",
            file
                + ":9:15: warning: brands[2].aliases[0]: 'acme.com' is a domain of brand 'Acme"
                + " CRM': where an answer writes it, the mention goes to 'Globex' and the citation"
                + " to 'Acme CRM'; drop the alias or the domain",
            file
                + ":12:6: warning: prompts[1].id: prompt 'acme-review' names Acme CRM: a branded"
                + " prompt inflates the figures of the brands it names, so reports keep it out of"
                + " the headline figures (--include-branded pools it); ask without the name to"
                + " measure visibility",
            file
                + ":15:6: warning: models[1].id: no price for model 'gpt-unknown-9': its answers"
                + " will have no cost and reports count them as unpriced; add pricing:"
                + " {gpt-unknown-9: {input: …, output: …}} in USD per million tokens",
            file + ": valid: 2 prompts x 2 models x 3 samples = 12 tasks; 5 warnings");
    assertThat(dir.resolve("vis.db")).doesNotExist();
  }

  @Test
  void a_misspelt_key_exits_2_as_run_would() throws Exception {
    Path spec = write("typo.yaml", LINTED + "sampels: 3\n");

    CommandHarness.Result validate = vis.run("validate", spec.toString());
    CommandHarness.Result run = vis.run("run", spec.toString());

    assertThat(validate.exitCode()).as(validate::toString).isEqualTo(2);
    assertThat(validate.err())
        .contains(spec + ":16:1: sampels: unknown field (did you mean 'samples'?)")
        .doesNotContain("warning");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(validate.err());
  }

  @Test
  void a_missing_key_variable_exits_2_as_run_would() throws Exception {
    vis.env.remove("OPENAI_API_KEY");
    Path spec = write("lint.yaml", LINTED);

    CommandHarness.Result validate = vis.run("validate", spec.toString());

    assertThat(validate.exitCode()).as(validate::toString).isEqualTo(2);
    assertThat(validate.err()).contains("missing environment variable OPENAI_API_KEY");
  }

  @Test
  void a_dry_run_prints_the_same_warnings_on_stderr() throws Exception {
    Path spec = write("lint.yaml", LINTED);

    CommandHarness.Result dryRun = vis.run("run", spec.toString(), "--dry-run");

    assertThat(dryRun.exitCode()).as(dryRun::toString).isZero();
    assertThat(dryRun.err().lines().filter(l -> l.contains(": warning: "))).hasSize(5);
    assertThat(dryRun.out()).doesNotContain("warning");
  }
}
