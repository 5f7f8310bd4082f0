package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matrix prompts whose values are real words, spaces and accents included, run end to end. */
class MatrixRunTest {
  @TempDir Path dir;

  @Test
  void values_with_spaces_run_with_slug_ids_their_own_texts_and_a_tag_per_var() throws Exception {
    // regression: a value with a space was refused once per expanded prompt (27 lines for 3 x 3)
    CommandHarness vis = new CommandHarness(dir);
    Path spec = dir.resolve("crm.yaml");
    Files.writeString(
        spec,
        """
        version: 1
        brands: [{name: Acme CRM}, {name: Globex}]
        prompts:
          - id: crm-{segment}-{city}
            text: Which CRM would a {segment} in {city} pick?
            vars:
              segment: [law firm, dental practice]
              city: [New York, São Paulo]
        models: [{id: offline, provider: sim}]
        samples: 1
        """);

    CommandHarness.Result run = vis.run("run", spec.toString(), "--quiet");
    CommandHarness.Result report = vis.run("report", "--by", "tag");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(
            vis.text(
                "SELECT group_concat(prompt_id, ' ') FROM (SELECT prompt_id FROM run_prompts"
                    + " ORDER BY ord)"))
        .isEqualTo(
            "crm-law-firm-new-york crm-law-firm-são-paulo crm-dental-practice-new-york"
                + " crm-dental-practice-são-paulo");
    assertThat(vis.text("SELECT text FROM run_prompts WHERE prompt_id = 'crm-law-firm-new-york'"))
        .isEqualTo("Which CRM would a law firm in New York pick?");
    assertThat(vis.text("SELECT tags FROM run_prompts WHERE prompt_id = 'crm-law-firm-new-york'"))
        .isEqualTo("[\"segment=law firm\",\"city=New York\"]");
    assertThat(vis.count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(4);
    assertThat(report.exitCode()).as(report.toString()).isZero();
    assertThat(report.out()).contains("| segment=law firm", "| city=São Paulo");
  }
}
