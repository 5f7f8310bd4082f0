package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.FakeOpenAiServer;
import dev.vis.spec.SpecYaml;
import dev.vis.store.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vis push}: a local SQLite run copied up to a team's PostgreSQL database. */
class PushCommandTest {
  @TempDir Path dir;

  @AutoClose final FakeOpenAiServer server = FakeOpenAiServer.start(List.of("Acme CRM", "Globex"));

  CommandHarness vis;
  Path spec;
  String team;

  @BeforeEach
  void setUp() throws Exception {
    vis = new CommandHarness(dir);
    team = PostgresServer.freshDatabase();
    String models =
        "models:\n  - {id: local-llama, provider: openai-compatible, model: llama3.1, base_url: %s}\n"
            .formatted(server.baseUrl());
    String settings =
        "samples: 4\nconcurrency: 1\nretry: {max_attempts: 3, initial_delay: 1s}\n"
            + "pricing:\n  local-llama: {input: 0.15, output: 0.6}\n";
    spec =
        Files.writeString(dir.resolve("local.yaml"), SpecYaml.crm("local", 3) + models + settings);
  }

  /** A done run with retried attempts and one task that failed for good. */
  private String localRun() {
    server.enqueue(
        FakeOpenAiServer.rateLimited(),
        FakeOpenAiServer.serverError(),
        FakeOpenAiServer.badRequest("this prompt is refused"));
    CommandHarness.Result run =
        vis.run("run", spec.toString(), "--progress", "none", "--max-failure-rate", "20");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).contains("11 of 12 tasks answered, 1 failed");
    return run.runId();
  }

  @Test
  void a_pushed_run_reports_and_exports_byte_for_byte_as_the_local_run() {
    String id = localRun();

    CommandHarness.Result push = vis.run("push", id, "--to", team);

    assertThat(push.exitCode()).as(push.toString()).isZero();
    assertThat(push.out()).isEqualTo(id + "\n");
    assertThat(push.err()).contains("pushed run " + id + " (local) to " + team + ": 12 tasks");
    assertThat(vis.run("report", id, "--format", "json", "--db", team).out())
        .as("a priced run: its cost, summed by each database, is the same")
        .containsPattern("\"cost_usd\" ?: ?0\\.0*[1-9]");
    assertSameRun(id, team);
  }

  @Test
  void a_run_pushed_among_other_runs_reports_the_same_and_exports_the_same_rows() {
    String other = localRun();
    assertThat(vis.run("push", other, "--to", team).exitCode()).isZero();
    String id = localRun();

    assertThat(vis.run("push", id, "--to", team).exitCode()).isZero();

    for (String format : new String[] {"md", "json", "csv"}) {
      assertThat(vis.run("report", id, "--format", format, "--db", team).out())
          .as(format)
          .isEqualTo(vis.run("report", id, "--format", format).out());
    }
    for (String table : new String[] {"responses", "mentions", "citations"}) {
      assertThat(withoutTaskIds(vis.run("export", id, "-t", table, "--db", team).out()))
          .as(table)
          .isEqualTo(withoutTaskIds(vis.run("export", id, "-t", table).out()));
    }
  }

  @Test
  void pushing_twice_changes_nothing_and_says_the_run_is_there() {
    String id = localRun();
    assertThat(vis.run("push", id, "--to", team).exitCode()).isZero();
    String before = vis.run("export", id, "--db", team).out();

    CommandHarness.Result again = vis.run("push", id, "--to", team);

    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.err()).contains("run " + id + " is in " + team + " already: nothing to push");
    assertThat(vis.run("export", id, "--db", team).out()).isEqualTo(before);
    String database = PostgresServer.databaseOf(team);
    assertThat(PostgresServer.number(database, "SELECT count(*) FROM vis.runs")).isEqualTo(1);
    assertThat(PostgresServer.number(database, "SELECT count(*) FROM vis.answers")).isEqualTo(11);
  }

  @Test
  void a_replay_takes_its_source_along() {
    String id = localRun();
    String replay = vis.run("replay", id).runId();

    CommandHarness.Result push = vis.run("push", replay, "--to", team);

    assertThat(push.exitCode()).as(push.toString()).isZero();
    assertThat(push.err()).contains("pushed run " + id, "pushed run " + replay);
    assertThat(vis.run("runs", "--db", team).out()).contains("replay of " + id);
    assertSameRun(replay, team);
    assertThat(
            PostgresServer.number(
                PostgresServer.databaseOf(team), "SELECT count(*) FROM vis.answers"))
        .as("the replay shares its source's answers")
        .isEqualTo(11);
  }

  @Test
  void a_run_can_be_pushed_to_another_sqlite_file() {
    String id = localRun();
    String file = dir.resolve("team.db").toString();

    CommandHarness.Result push = vis.run("push", id, "--to", file);

    assertThat(push.exitCode()).as(push.toString()).isZero();
    assertSameRun(id, file);
  }

  @Test
  void a_run_that_is_not_done_is_refused() throws Exception {
    String id = localRun();
    new SqlFile(dir.resolve("vis.db"))
        .execute("UPDATE runs SET status = 'interrupted' WHERE id = '" + id + "'");

    CommandHarness.Result push = vis.run("push", id, "--to", team);

    assertThat(push.exitCode()).as(push.toString()).isEqualTo(2);
    assertThat(push.err())
        .contains("run " + id, "is interrupted, not done", "--resume " + id)
        .doesNotContain("Exception");
    assertThat(push.out()).isEmpty();
  }

  @Test
  void a_missing_run_is_refused() {
    localRun();

    CommandHarness.Result push = vis.run("push", "nosuchrun", "--to", team);

    assertThat(push.exitCode()).as(push.toString()).isEqualTo(2);
    assertThat(push.err()).contains("nosuchrun").doesNotContain("Exception");
  }

  @Test
  void a_target_vis_cannot_open_is_refused_without_a_trace() {
    String id = localRun();

    CommandHarness.Result url = vis.run("push", id, "--to", "mysql://u:pw@localhost/vis");
    assertThat(url.exitCode()).as(url.toString()).isEqualTo(2);
    assertThat(url.err())
        .contains("--to mysql://u:***@localhost/vis: not a database vis can open")
        .doesNotContain("Exception", ":pw@");

    CommandHarness.Result missing = vis.run("push", id);
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--to");
  }

  @Test
  void an_unreachable_server_exits_1_and_never_shows_the_password() throws Exception {
    String id = localRun();
    int closed;
    try (var socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String url = "postgresql://analyst:S3cret-pw@127.0.0.1:" + closed + "/team";

    CommandHarness.Result push = vis.run("push", id, "--to", url);

    assertThat(push.exitCode()).as(push.toString()).isEqualTo(1);
    assertThat(push.err())
        .contains("analyst:***@127.0.0.1:" + closed, "cannot reach the PostgreSQL server")
        .doesNotContain("S3cret-pw", "Exception");
  }

  @Test
  void a_different_run_under_the_same_id_is_never_overwritten() throws Exception {
    String id = localRun();
    assertThat(vis.run("push", id, "--to", team).exitCode()).isZero();
    new SqlFile(dir.resolve("vis.db"))
        .execute(
            "UPDATE tasks SET status = 'failed', answer_id = NULL WHERE run_id = '"
                + id
                + "'"
                + " AND id = (SELECT min(id) FROM tasks WHERE run_id = '"
                + id
                + "' AND status = 'ok')");

    CommandHarness.Result push = vis.run("push", id, "--to", team);

    assertThat(push.exitCode()).as(push.toString()).isEqualTo(2);
    assertThat(push.err()).contains("differs", "vis runs rm " + id);
  }

  private void assertSameRun(String id, String target) {
    for (String format : new String[] {"md", "json", "csv"}) {
      assertThat(vis.run("report", id, "--format", format, "--db", target).out())
          .as(format)
          .isEqualTo(vis.run("report", id, "--format", format).out());
    }
    for (String table : new String[] {"responses", "mentions", "citations"}) {
      assertThat(vis.run("export", id, "-t", table, "--db", target).out())
          .as(table)
          .isEqualTo(vis.run("export", id, "-t", table).out());
    }
  }

  /** JSONL rows without their task ids, which each database numbers its own way. */
  private static String withoutTaskIds(String jsonl) {
    return jsonl.replaceAll("\"task_id\":\\d+", "\"task_id\":N");
  }
}
