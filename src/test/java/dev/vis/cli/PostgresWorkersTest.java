package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.store.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Processes that work one run together ({@code --run-id}), in-process, on a real PostgreSQL. */
class PostgresWorkersTest {
  @TempDir Path dir;
  String url;
  String database;
  Path spec;

  @BeforeEach
  void setUp() throws Exception {
    url = PostgresServer.freshDatabase();
    database = PostgresServer.databaseOf(url);
    spec = dir.resolve("crm.yaml");
    Files.writeString(spec, SimRunTest.SPEC);
  }

  CommandHarness worker() {
    CommandHarness vis = new CommandHarness(dir);
    vis.env.put("VIS_DB", url);
    return vis;
  }

  @Test
  void three_workers_started_at_once_fill_one_run_with_one_answer_per_task() throws Exception {
    List<CommandHarness.Result> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
      List<Future<CommandHarness.Result>> started = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        started.add(
            pool.submit(
                () ->
                    worker()
                        .run(
                            "run",
                            spec.toString(),
                            "--run-id",
                            "nightly-42",
                            "--quiet",
                            "--concurrency",
                            "2")));
      }
      for (Future<CommandHarness.Result> f : started) {
        results.add(f.get());
      }
    }
    assertThat(results)
        .allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isZero())
        .allSatisfy(r -> assertThat(r.out()).isEqualTo("nightly-42" + System.lineSeparator()));
    assertThat(PostgresServer.number(database, "SELECT count(*) FROM vis.runs")).isOne();
    assertThat(
            PostgresServer.number(database, "SELECT count(*) FROM vis.tasks WHERE status = 'ok'"))
        .isEqualTo(24);
    assertThat(PostgresServer.number(database, "SELECT count(*) FROM vis.answers")).isEqualTo(24);
    assertThat(PostgresServer.number(database, "SELECT count(*) FROM vis.attempts"))
        .as("no task was called twice")
        .isEqualTo(24);
    CommandHarness vis = worker();
    assertThat(vis.run("runs", "--format", "json").out())
        .contains("\"id\" : \"nightly-42\"", "\"status\" : \"done\"", "\"ok\" : 24");
    assertThat(vis.run("report", "nightly-42").exitCode()).isZero();
    assertThat(vis.run("export", "nightly-42").out().lines()).hasSize(24);
  }

  @Test
  void a_worker_that_joins_a_finished_run_calls_nothing_and_exits_0() {
    assertThat(worker().run("run", spec.toString(), "--run-id", "done-run", "--quiet").exitCode())
        .isZero();
    CommandHarness.Result late = worker().run("run", spec.toString(), "--run-id", "done-run");
    assertThat(late.exitCode()).as(late.toString()).isZero();
    assertThat(PostgresServer.number(database, "SELECT count(*) FROM vis.attempts")).isEqualTo(24);
  }

  @Test
  void another_spec_under_the_same_id_exits_2() throws Exception {
    assertThat(worker().run("run", spec.toString(), "--run-id", "shared", "--quiet").exitCode())
        .isZero();
    Path other = dir.resolve("other.yaml");
    Files.writeString(other, SimRunTest.SPEC.replace("samples: 4", "samples: 5"));
    CommandHarness.Result refused = worker().run("run", other.toString(), "--run-id", "shared");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err())
        .contains("run shared in " + url + " was started from another spec")
        .doesNotContain("Exception");
  }

  @Test
  void a_run_id_needs_postgresql_and_a_well_formed_id() {
    CommandHarness sqlite = new CommandHarness(dir);
    CommandHarness.Result onSqlite = sqlite.run("run", spec.toString(), "--run-id", "nightly");
    assertThat(onSqlite.exitCode()).as(onSqlite.toString()).isEqualTo(2);
    assertThat(onSqlite.err()).contains("--run-id needs a database that several processes share");

    CommandHarness.Result badId = worker().run("run", spec.toString(), "--run-id", "a b");
    assertThat(badId.exitCode()).as(badId.toString()).isEqualTo(2);
    assertThat(badId.err()).contains("--run-id a b: a run id is 4 to 64 letters");
  }
}
