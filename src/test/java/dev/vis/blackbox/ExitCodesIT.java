package dev.vis.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.SpecYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every exit code of the README's table, as the jar gives it (SPEC §3): one test per code, the
 * three signals sent to the process for real, and the table and {@code --help} checked against the
 * codes tested here.
 */
class ExitCodesIT {
  /** The codes this class has a test for. */
  static final Set<Integer> TESTED = Set.of(0, 1, 2, 3, 4, 130, 143, 129);

  /** 4 prompts x 1 model x 15 samples on the sim provider. */
  static final String SPEC =
      SpecYaml.teams("codes", "one", "two", "three", "four")
          + """
      models:
        - id: sim
          provider: sim
          sim: {seed: 5, mention_rate: {Acme CRM: %s, Globex: 0.4}}
      samples: 15
      """;

  final JarRunner vis;
  final SqliteProbe db;

  ExitCodesIT(@TempDir Path root) throws IOException {
    vis = JarRunner.in(root);
    db = new SqliteProbe(vis.workDir().resolve("vis.db"));
    writeCodesSpec("0.6");
  }

  /** Writes {@code codes.yaml}, in which Acme CRM is mentioned at this rate. */
  private void writeCodesSpec(String acmeRate) throws IOException {
    Files.writeString(vis.workDir().resolve("codes.yaml"), SPEC.formatted(acmeRate));
  }

  @Test
  void the_readme_table_and_help_list_exactly_the_codes_tested_here() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int table = readme.indexOf("## Exit codes");
    assertThat(table).as("README has an exit code section").isNotNegative();
    String section = readme.substring(table, readme.indexOf("\n## ", table + 1));
    assertThat(codes(section, "(?m)^\\| (\\d+) \\|")).isEqualTo(new TreeSet<>(TESTED));

    JarRunner.Result help = vis.run("--help");
    String footer = help.out().substring(help.out().indexOf("Exit codes:"));
    assertThat(codes(footer, "(?m)^ {2}(\\d+) +\\S")).isEqualTo(new TreeSet<>(TESTED));
  }

  @Test
  void exit_0_when_every_task_is_answered() {
    JarRunner.Result run = vis.run("run", "codes.yaml", "--quiet");
    assertThat(run.exitCode()).as(run::toString).isZero();
  }

  @Test
  void exit_1_when_more_tasks_failed_than_the_failure_rate_allows() throws IOException {
    // port 1 on the loopback refuses every connection: every task fails, fast
    Files.writeString(
        vis.workDir().resolve("down.yaml"),
        """
        version: 1
        name: down
        brands: [{name: Acme CRM}]
        prompts: [{id: a, text: "Which CRM?"}]
        models:
          - {id: local, provider: openai-compatible, base_url: "http://127.0.0.1:1/v1", model: m}
        samples: 2
        retry: {max_attempts: 1}
        """);
    JarRunner.Result run = vis.run("run", "down.yaml", "--progress", "none");
    assertThat(run.exitCode()).as(run::toString).isEqualTo(1);
    assertThat(run.err()).contains("over --max-failure-rate 5%: exit 1");
  }

  @Test
  void exit_2_for_an_invalid_spec() throws IOException {
    Files.writeString(vis.workDir().resolve("bad.yaml"), "version: 1\nname: bad\n");
    JarRunner.Result run = vis.run("run", "bad.yaml");
    assertThat(run.exitCode()).as(run::toString).isEqualTo(2);
    assertThat(run.err()).contains("bad.yaml").doesNotContain("Exception");
  }

  @Test
  void exit_3_when_the_regression_gate_trips() throws IOException {
    JarRunner.Result before = vis.run("run", "codes.yaml", "--quiet");
    writeCodesSpec("0.2");
    JarRunner.Result after = vis.run("run", "codes.yaml", "--quiet");
    JarRunner.Result report =
        vis.run(
            "report",
            after.out().strip(),
            "--baseline",
            before.out().strip(),
            "--fail-on-drop",
            "5");
    assertThat(report.exitCode()).as(report::toString).isEqualTo(3);
    assertThat(report.err()).contains("regression gate tripped: Acme CRM");
  }

  @Test
  void exit_4_when_the_cost_cap_stops_the_run_and_resume_finishes_it() throws IOException {
    Files.writeString(
        vis.workDir().resolve("priced.yaml"),
        SPEC.formatted("0.6") + "pricing:\n  sim: {input: 1000, output: 1000}\n");
    JarRunner.Result run = vis.run("run", "priced.yaml", "--quiet", "--max-usd", "0.5");
    assertThat(run.exitCode()).as(run::toString).isEqualTo(4);
    assertThat(db.text("SELECT status FROM runs")).isEqualTo("budget");
    JarRunner.Result resume =
        vis.run("run", "priced.yaml", "--resume", "--quiet", "--max-usd", "1000");
    assertThat(resume.exitCode()).as(resume::toString).isZero();
  }

  @Test
  void exit_130_for_sigint_with_the_run_interrupted_and_resumable() {
    stopsResumably(JarRunner.Running::interrupt, 130, "interrupted: no new calls");
  }

  @Test
  void exit_143_for_sigterm_with_the_run_interrupted_and_resumable() {
    stopsResumably(JarRunner.Running::terminate, 143, "stopped by SIGTERM: no new calls");
  }

  @Test
  void exit_129_for_sighup_with_the_run_interrupted_and_resumable() {
    stopsResumably(JarRunner.Running::hangUp, 129, "stopped by SIGHUP: no new calls");
  }

  /** Sends the signal mid-run; the run drains, says how to resume, and resume finishes it. */
  private void stopsResumably(Consumer<JarRunner.Running> signal, int code, String notice) {
    String runId;
    try (JarRunner.Running running =
        vis.withEnv("VIS_SIM_LATENCY_MS", "100")
            .start("run", "codes.yaml", "--concurrency", "2", "--progress", "none")) {
      running.awaitWhileRunning(
          () -> db.numberIfReady(SqliteProbe.OK_TASKS).orElse(0) >= 3, "3 tasks ok");
      signal.accept(running);
      JarRunner.Result result = running.await(JarRunner.TIMEOUT);
      assertThat(result.exitCode()).as(result::toString).isEqualTo(code);
      runId = result.out().strip();
      assertThat(result.err())
          .as(result::toString)
          .contains(notice, "resume: vis run codes.yaml --resume " + runId)
          .doesNotContain("Exception");
    }
    assertThat(db.text("SELECT status FROM runs")).isEqualTo("interrupted");
    assertThat(db.number(SqliteProbe.OK_TASKS)).isLessThan(60);
    JarRunner.Result resume = vis.run("run", "codes.yaml", "--resume", runId, "--quiet");
    assertThat(resume.exitCode()).as(resume::toString).isZero();
    assertThat(db.number(SqliteProbe.OK_TASKS)).isEqualTo(60);
  }

  private static Set<Integer> codes(String text, String rowPattern) {
    Set<Integer> codes = new TreeSet<>();
    Matcher m = Pattern.compile(rowPattern).matcher(text);
    while (m.find()) {
      codes.add(Integer.parseInt(m.group(1)));
    }
    return codes;
  }
}
