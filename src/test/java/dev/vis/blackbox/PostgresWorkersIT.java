package dev.vis.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.store.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code vis run --run-id} processes on one PostgreSQL database, one killed with {@code kill
 * -9} midway: the other two take over its leased tasks once the leases lapse and finish the run.
 */
class PostgresWorkersIT {
  /** 5 prompts x 2 models x 20 samples. */
  static final int TASKS = 200;

  static final String SPEC = CrashResumeIT.SPEC.replace("samples: 15", "samples: 20");

  @TempDir Path root;

  @Test
  void two_workers_finish_what_a_killed_third_leased_with_one_answer_per_task() throws IOException {
    String url = PostgresServer.freshDatabase();
    String database = PostgresServer.databaseOf(url);
    JarRunner vis =
        JarRunner.in(root)
            .withEnv("VIS_DB", url)
            .withEnv("VIS_LEASE_SECONDS", "5")
            .withEnv("VIS_SIM_LATENCY_MS", "40");
    Files.writeString(vis.workDir().resolve("crash.yaml"), SPEC);
    List<JarRunner.Running> workers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      workers.add(
          vis.start(
              "run",
              "crash.yaml",
              "--run-id",
              "it-run",
              "--concurrency",
              "4",
              "--progress",
              "none"));
    }
    String ok = "SELECT count(*) FROM vis.tasks WHERE status = 'ok'";
    // three JVMs start at once: on a loaded machine that alone can take the runner's usual 30 s
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (okTasks(database, ok) < 40) {
      assertThat(workers.get(0).isAlive()).as(workers.get(0)::transcript).isTrue();
      assertThat(System.nanoTime()).as("40 tasks ok within 120 s").isLessThan(deadline);
      workers.get(0).waitFor(Duration.ofMillis(50));
    }
    workers.get(0).kill();

    for (JarRunner.Running survivor : workers.subList(1, 3)) {
      JarRunner.Result result = survivor.await(Duration.ofSeconds(120));
      assertThat(result.exitCode()).as(result::toString).isZero();
      assertThat(result.out()).as(result::toString).isEqualTo("it-run" + System.lineSeparator());
    }
    assertThat(PostgresServer.number(database, ok)).isEqualTo(TASKS);
    assertThat(PostgresServer.number(database, "SELECT count(*) FROM vis.answers"))
        .isEqualTo(TASKS);
    assertThat(PostgresServer.number(database, "SELECT count(DISTINCT answer_id) FROM vis.tasks"))
        .isEqualTo(TASKS);
    assertThat(PostgresServer.number(database, "SELECT count(DISTINCT task_id) FROM vis.answers"))
        .as("every answer is tied to its own task")
        .isEqualTo(TASKS);
    JarRunner.Result runs = vis.run("runs", "--format", "json");
    assertThat(runs.out()).as(runs::toString).contains("\"status\" : \"done\"", "\"ok\" : 200");

    String local = vis.workDir().resolve("single.db").toString();
    JarRunner.Result single = vis.run("run", "crash.yaml", "--db", local, "--quiet");
    assertThat(single.exitCode()).as(single::toString).isZero();
    String singleId = single.out().strip();
    assertThat(comparable(vis.run("report", "it-run").out(), "it-run"))
        .isEqualTo(comparable(vis.run("report", singleId, "--db", local).out(), singleId));
  }

  private static long okTasks(String database, String sql) {
    try {
      return PostgresServer.number(database, sql);
    } catch (IllegalStateException e) {
      return 0; // the first worker has not created the tables yet
    }
  }

  /** The report with its run's id, times and duration, which differ between two runs, taken out. */
  private static String comparable(String report, String runId) {
    return report
        .replace(runId, "RUN")
        .replaceAll("\\*\\*Duration:\\*\\* \\S+", "DURATION")
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "TIME");
  }
}
