package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The gate in a throwaway GitHub-like environment: {@code GITHUB_ACTIONS=true} and temporary files
 * for {@code GITHUB_OUTPUT} and {@code GITHUB_STEP_SUMMARY}, injected through the harness.
 */
class GithubActionsTest {
  @TempDir Path dir;
  CommandHarness vis;
  GateRuns runs;
  Path outputs;
  Path summary;
  Path junit;

  @BeforeEach
  void setUp() throws Exception {
    vis = new CommandHarness(dir);
    runs = new GateRuns(vis, dir);
    outputs = dir.resolve("github_output");
    summary = dir.resolve("step_summary");
    junit = dir.resolve("gate.xml");
    Files.writeString(outputs, "earlier=kept\n");
    Files.writeString(summary, "# Earlier step\n");
  }

  /** The baseline at a planted rate of 0.6 for Acme CRM, and a run at {@code acmeRate}. */
  record Runs(String baseline, String current) {}

  Runs runs(double acmeRate) throws Exception {
    return new Runs(runs.run(0.6, "a"), runs.run(acmeRate, "b"));
  }

  void github() {
    vis.env.put("GITHUB_ACTIONS", "true");
    vis.env.put("GITHUB_OUTPUT", outputs.toString());
    vis.env.put("GITHUB_STEP_SUMMARY", summary.toString());
  }

  @Test
  void a_planted_drop_sets_verdict_drop_annotates_it_and_fails_one_junit_case() throws Exception {
    Runs r = runs(0.4);
    CommandHarness.Result outside = runs.gate(r.current(), r.baseline());
    github();

    CommandHarness.Result report =
        runs.gate(r.current(), r.baseline(), "--junit", junit.toString());

    assertThat(report.exitCode()).as(report.toString()).isEqualTo(3);
    assertThat(report.out()).isEqualTo(outside.out());
    assertThat(report.out()).doesNotContain("::");
    assertThat(Files.readAllLines(outputs))
        .startsWith("earlier=kept")
        .contains("verdict=drop", "brand=Acme CRM", "metric=mention_rate")
        .filteredOn(line -> line.startsWith("verdict=") || line.startsWith("delta_pp=-"))
        .hasSize(2);
    assertThat(Files.readString(summary))
        .startsWith("# Earlier step\n")
        .contains("## Comparison with the baseline", "**Verdict: the gate tripped**");
    assertThat(report.err())
        .containsPattern(
            "(?m)^::error title=vis regression gate%3A Acme CRM::Acme CRM: mention rate .* dropped$");
    Element suite = JunitGateTest.validSuite(junit);
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
  }

  @Test
  void no_drop_sets_verdict_pass_with_no_annotation_and_no_junit_failure() throws Exception {
    Runs r = runs(0.6);
    github();

    CommandHarness.Result report =
        runs.gate(r.current(), r.baseline(), "--junit", junit.toString());

    assertThat(report.exitCode()).as(report.toString()).isZero();
    assertThat(Files.readAllLines(outputs))
        .contains("verdict=pass", "delta_pp=0.0")
        .filteredOn(line -> line.startsWith("verdict="))
        .hasSize(1);
    assertThat(Files.readString(summary)).contains("**Verdict: passed**");
    assertThat(report.err()).doesNotContain("::");
    assertThat(JunitGateTest.validSuite(junit).getAttribute("failures")).isEqualTo("0");
  }

  @Test
  void outside_github_actions_nothing_is_appended_and_no_workflow_command_printed()
      throws Exception {
    Runs r = runs(0.4);
    github();
    vis.env.put("GITHUB_ACTIONS", "false");

    CommandHarness.Result report = runs.gate(r.current(), r.baseline());

    assertThat(report.exitCode()).as(report.toString()).isEqualTo(3);
    assertThat(report.err()).doesNotContain("::");
    assertThat(outputs).hasContent("earlier=kept");
    assertThat(summary).hasContent("# Earlier step");
  }

  @Test
  void no_github_turns_the_mode_off() throws Exception {
    Runs r = runs(0.4);
    github();

    CommandHarness.Result report = runs.gate(r.current(), r.baseline(), "--no-github");

    assertThat(report.exitCode()).as(report.toString()).isEqualTo(3);
    assertThat(report.err()).doesNotContain("::");
    assertThat(outputs).hasContent("earlier=kept");
  }

  @Test
  void without_the_file_variables_the_drop_still_exits_3_and_is_annotated() throws Exception {
    Runs r = runs(0.4);
    vis.env.put("GITHUB_ACTIONS", "true");

    CommandHarness.Result report = runs.gate(r.current(), r.baseline());

    assertThat(report.exitCode()).as(report.toString()).isEqualTo(3);
    assertThat(report.err()).contains("::error title=vis regression gate%3A Acme CRM::");
  }

  @Test
  void an_output_file_that_cannot_be_written_is_a_warning_and_keeps_the_gate_exit_code()
      throws Exception {
    Runs r = runs(0.4);
    github();
    vis.env.put("GITHUB_OUTPUT", dir.toString());

    CommandHarness.Result report = runs.gate(r.current(), r.baseline());

    assertThat(report.exitCode()).as(report.toString()).isEqualTo(3);
    assertThat(report.err()).contains("::warning title=vis::cannot append to $GITHUB_OUTPUT");
    assertThat(Files.readString(summary)).contains("**Verdict: the gate tripped**");
  }

  @Test
  void a_report_without_a_gate_leaves_the_runner_files_alone() throws Exception {
    String a = runs.run(0.6, "a");
    github();

    CommandHarness.Result report = vis.run("report", a, "--baseline", a);

    assertThat(report.exitCode()).as(report.toString()).isZero();
    assertThat(outputs).hasContent("earlier=kept");
    assertThat(report.err()).doesNotContain("::");
  }
}
