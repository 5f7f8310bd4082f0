package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of 5,000 answers, the fewest that store their results when the run ends, and its replay:
 * both store them, their reports read them, and a failed write of them fails nothing.
 */
class LargeRunResultsTest {
  /** 25 prompts, two sim models, 100 samples: 5,000 answers. */
  static final String SPEC =
      """
      version: 1
      name: large
      brands:
        - {name: Acme CRM, aliases: [Acme], domains: [acme.example], primary: true}
        - {name: Globex, domains: [globex.example]}
        - {name: Initech}
      prompts:
      %s
      models:
        - {id: a, provider: sim, sim: {seed: 1}}
        - {id: b, provider: sim, sim: {seed: 2}}
      samples: 100
      concurrency: 64
      """
          .formatted(
              IntStream.rangeClosed(1, 25)
                  .mapToObj(
                      i -> "  - {id: p%d, text: \"Which CRM suits team %d?\"}".formatted(i, i))
                  .collect(Collectors.joining("\n")));

  @TempDir Path dir;
  CommandHarness vis;
  SqlFile db;
  Path spec;

  @BeforeEach
  void harness() throws Exception {
    vis = new CommandHarness(dir);
    db = new SqlFile(dir.resolve("vis.db"));
    spec = Files.writeString(dir.resolve("large.yaml"), SPEC);
  }

  @Test
  void a_run_and_its_replay_store_their_results_at_their_end_and_report_from_them()
      throws Exception {
    String run = vis.run("run", spec.toString(), "--quiet").assertExit(0).runId();
    String replay = vis.run("replay", run).assertExit(0).runId();

    for (String id : new String[] {run, replay}) {
      assertThat(db.number("SELECT answers FROM run_results WHERE run_id = '" + id + "'"))
          .as(id)
          .isEqualTo(5000);
      assertThat(db.text("SELECT untracked FROM run_results WHERE run_id = '" + id + "'"))
          .as(id)
          .startsWith("[[");
    }
    String fromResults = vis.run("report", replay, "--format", "json").assertExit(0).out();
    db.execute("DELETE FROM run_results");
    assertThat(vis.run("report", replay, "--format", "json").assertExit(0).out())
        .isEqualTo(fromResults);
  }

  @Test
  void a_failed_write_of_the_results_leaves_the_run_done_with_every_answer() throws Exception {
    vis.run("runs").assertExit(2);
    Files.writeString(dir.resolve("one.yaml"), ReportOfStoredRunTest.SPEC);
    vis.run("run", dir.resolve("one.yaml").toString(), "--quiet").assertExit(0);
    db.execute(
        "CREATE TRIGGER no_results BEFORE INSERT ON run_results"
            + " BEGIN SELECT RAISE(ABORT, 'the disk says no'); END");

    String id = vis.run("run", spec.toString(), "--quiet").assertExit(0).runId();

    assertThat(db.text("SELECT status FROM runs WHERE id = '" + id + "'")).isEqualTo("done");
    assertThat(
            db.number("SELECT count(*) FROM tasks WHERE status = 'ok' AND run_id = '" + id + "'"))
        .isEqualTo(5000);
    assertThat(db.number("SELECT count(*) FROM run_results")).isZero();
    assertThat(vis.run("report", id).assertExit(0).out()).contains("Untracked brands");
  }
}
