package dev.vis.blackbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.vis.spec.SpecYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar against a provider that misbehaves on purpose ({@link FaultyProvider}): killed with
 * {@code kill -9} at seeded moments, interrupted with SIGINT once and twice, and checked for the
 * API key everywhere it must not be. Every case ends with every task answered exactly once.
 */
class ReliabilityIT {
  static final String KEY = "sk-test-BLACKBOX-5e1f0c9a7d";
  static final int TASKS = 60;
  static final int CONCURRENCY = 4;
  static final int MAX_ATTEMPTS = 10;

  static final String SPEC =
      SpecYaml.teams("faults", "one", "two", "three", "four")
          + """
      models: [{id: flaky, provider: flaky, model: gpt-4o-mini}]
      providers:
        flaky: {type: openai-compatible, base_url: "%s", api_key_env: FLAKY_KEY}
      samples: 15
      concurrency: %d
      timeout: 2s
      retry: {max_attempts: %d, initial_delay: 20ms, max_delay: 2s}
      """;

  @TempDir Path root;
  JarRunner vis;
  SqliteProbe db;
  FaultyProvider provider;

  void start(long seed, Duration latency) throws IOException {
    provider = new FaultyProvider(seed, KEY, latency, 60);
    vis = JarRunner.in(root).withEnv("FLAKY_KEY", KEY);
    db = new SqliteProbe(vis.workDir().resolve("vis.db"));
    Files.writeString(
        vis.workDir().resolve("faults.yaml"),
        SPEC.formatted(provider.baseUrl(), CONCURRENCY, MAX_ATTEMPTS));
  }

  @BeforeEach
  void noProviderYet() {
    provider = null;
  }

  @AfterEach
  void stopProvider() {
    if (provider != null) {
      provider.close();
    }
  }

  @Nested
  class KilledAtRandomMoments {
    @Test
    void resume_answers_every_task_exactly_once_and_calls_no_more_than_it_must()
        throws IOException {
      start(7, Duration.ofMillis(40));
      Random moments = new Random(20261122);
      int kills = 0;
      long ok = 0;
      for (int i = 0; i < 3; i++) {
        long target = ok + 4 + moments.nextInt(10);
        try (JarRunner.Running running =
            i == 0
                ? vis.start("run", "faults.yaml", "--progress", "none")
                : vis.start("run", "faults.yaml", "--resume", "--progress", "none")) {
          awaitOr(
              running,
              () -> db.numberIfReady(SqliteProbe.OK_TASKS).orElse(0) >= target,
              "ok >= " + target);
          if (!running.isAlive()) {
            break;
          }
          running.kill();
          kills++;
        }
        ok = db.number(SqliteProbe.OK_TASKS);
        assertThat(db.text("PRAGMA integrity_check")).isEqualTo("ok");
      }
      assertThat(kills).as("the run was killed mid-way").isPositive();

      resumeAndAssertEveryTaskAnsweredOnce();
      long attemptRows = db.number("SELECT count(*) FROM attempts");
      assertThat((long) provider.requestCount())
          .as(
              "calls: those on record plus at most the attempts of the tasks in flight at each kill")
          .isBetween(attemptRows, attemptRows + (long) kills * CONCURRENCY * MAX_ATTEMPTS);
      assertThat(provider.faults.get()).as("the provider did misbehave").isPositive();
    }
  }

  @Nested
  class InterruptedWithSigint {
    @Test
    void once_drains_exits_130_with_the_resume_command_and_resume_finishes_the_run()
        throws IOException {
      start(11, Duration.ofMillis(250));
      String runId;
      try (JarRunner.Running running = vis.start("run", "faults.yaml", "--progress", "none")) {
        awaitOr(running, () -> db.numberIfReady(SqliteProbe.OK_TASKS).orElse(0) >= 5, "5 tasks ok");
        running.interrupt();
        JarRunner.Result result = running.await(JarRunner.TIMEOUT);
        assertThat(result.exitCode()).as(result::toString).isEqualTo(130);
        runId = result.out().strip();
        assertThat(result.err())
            .as(result::toString)
            .contains("interrupted: no new calls")
            .contains("vis run faults.yaml --resume " + runId)
            .doesNotContain("Exception");
      }
      assertThat(db.text("SELECT status FROM runs")).isEqualTo("interrupted");
      Path wal = vis.workDir().resolve("vis.db-wal");
      assertThat(!Files.exists(wal) || Files.size(wal) == 0).as("the WAL is checkpointed").isTrue();
      assertThat(db.text("PRAGMA integrity_check")).isEqualTo("ok");
      assertThat(db.number(SqliteProbe.OK_TASKS)).isLessThan(TASKS);

      JarRunner.Result resume =
          vis.run("run", "faults.yaml", "--resume", runId, "--progress", "none");
      assertThat(resume.exitCode()).as(resume::toString).isZero();
      assertEveryTaskAnsweredOnce();
    }

    @Test
    void twice_quits_at_once_and_the_database_stays_whole() throws IOException {
      start(13, Duration.ofMillis(30));
      try (JarRunner.Running running = vis.start("run", "faults.yaml", "--progress", "none")) {
        awaitOr(running, () -> db.numberIfReady(SqliteProbe.OK_TASKS).orElse(0) >= 5, "5 tasks ok");
        provider.hang = true;
        int before = provider.requestCount();
        awaitOr(running, () -> provider.requestCount() >= before + CONCURRENCY, "calls hanging");
        running.interrupt();
        awaitOr(running, () -> running.errSoFar().contains("Ctrl-C again"), "the first notice");
        long pressed = System.nanoTime();
        running.interrupt();
        assertThat(running.waitFor(Duration.ofSeconds(5))).as(running::transcript).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - pressed))
            .as("ended before the calls in flight could time out or drain")
            .isLessThan(Duration.ofSeconds(2));
        JarRunner.Result result = running.await(Duration.ofSeconds(1));
        assertThat(result.exitCode()).as(result::toString).isEqualTo(130);
        assertThat(result.err())
            .contains("quitting at once", "--resume")
            .doesNotContain("Exception");
      }
      assertThat(db.text("PRAGMA integrity_check")).isEqualTo("ok");
      long okAfterHalt = db.number(SqliteProbe.OK_TASKS);
      assertThat(db.number("SELECT count(*) FROM answers")).isEqualTo(okAfterHalt);
      JarRunner.Result runs = vis.run("runs");
      assertThat(runs.out()).as(runs::toString).contains("stale");

      provider.hang = false;
      resumeAndAssertEveryTaskAnsweredOnce();
    }
  }

  @Nested
  class TerminatedWithSigterm {
    @Test
    void settles_the_run_as_interrupted_exits_143_and_resume_finishes_it() throws IOException {
      start(19, Duration.ofMillis(200));
      try (JarRunner.Running running = vis.start("run", "faults.yaml", "--progress", "none")) {
        awaitOr(running, () -> db.numberIfReady(SqliteProbe.OK_TASKS).orElse(0) >= 3, "3 tasks ok");
        running.terminate();
        JarRunner.Result result = running.await(JarRunner.TIMEOUT);
        assertThat(result.exitCode()).as(result::toString).isEqualTo(143);
      }
      assertThat(db.text("SELECT status FROM runs")).isEqualTo("interrupted");
      assertThat(db.text("PRAGMA integrity_check")).isEqualTo("ok");
      resumeAndAssertEveryTaskAnsweredOnce();
    }
  }

  @Nested
  class TheApiKey {
    @Test
    void never_appears_in_the_database_the_json_log_stderr_or_the_reports() throws IOException {
      start(17, Duration.ofMillis(10));
      JarRunner.Result run =
          vis.run("run", "faults.yaml", "--log-json", "attempts.jsonl", "--progress", "plain");
      assertThat(run.exitCode()).as(run::toString).isZero();
      assertThat(provider.authorizations())
          .as("the key did reach the provider")
          .contains("Bearer " + KEY);
      assertThat(provider.faults.get()).isPositive();
      assertThat(db.number("SELECT count(*) FROM answers WHERE text LIKE '%called with key ***'"))
          .as("answers that echoed the key are stored, the key blanked")
          .isPositive();
      List<JarRunner.Result> outputs =
          List.of(
              run,
              vis.run("report", "--format", "md"),
              vis.run("report", "--format", "json"),
              vis.run("report", "--format", "csv"),
              vis.run("export", "--format", "jsonl", "--table", "responses"),
              vis.run("export", "--format", "csv", "--table", "responses"),
              vis.run("export", "--format", "csv", "--table", "mentions"),
              vis.run("export", "--format", "csv", "--table", "citations"),
              vis.run("runs", "--format", "json"));
      assertThat(outputs).allSatisfy(r -> assertThat(r.exitCode()).as(r::toString).isZero());
      assertThat(outputs)
          .allSatisfy(r -> assertThat(r.out() + r.err()).as(r::toString).doesNotContain(KEY));
      String log = Files.readString(vis.workDir().resolve("attempts.jsonl"));
      assertThat(log.lines().count()).isEqualTo(provider.requestCount());
      assertThat(log).contains("\"status\":502", "Bearer ***").doesNotContain(KEY);
      for (String name : List.of("vis.db", "vis.db-wal", "vis.db-shm")) {
        Path file = vis.workDir().resolve(name);
        if (Files.exists(file)) {
          assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
              .as(name)
              .doesNotContain(KEY);
        }
      }
    }
  }

  /** {@code run --resume} picks the last run up, finishes it, and every task ends answered once. */
  private void resumeAndAssertEveryTaskAnsweredOnce() {
    JarRunner.Result resume = vis.run("run", "faults.yaml", "--resume", "--progress", "none");
    assertThat(resume.exitCode()).as(resume::toString).isZero();
    assertEveryTaskAnsweredOnce();
  }

  private void assertEveryTaskAnsweredOnce() {
    assertThat(db.number("SELECT count(*) FROM tasks")).isEqualTo(TASKS);
    assertThat(db.number(SqliteProbe.OK_TASKS)).isEqualTo(TASKS);
    assertThat(db.number("SELECT count(*) FROM answers")).isEqualTo(TASKS);
    assertThat(db.number("SELECT count(DISTINCT answer_id) FROM tasks")).isEqualTo(TASKS);
    assertThat(
            db.number(
                "SELECT count(*) FROM tasks t WHERE (SELECT count(*) FROM attempts a"
                    + " WHERE a.task_id = t.id AND a.outcome = 'ok') <> 1"))
        .as("tasks without exactly one successful call on record")
        .isZero();
    assertThat(db.text("PRAGMA integrity_check")).isEqualTo("ok");
  }

  /**
   * Waits until {@code condition} holds or the process ends; fails after {@link JarRunner#TIMEOUT}.
   */
  private static void awaitOr(JarRunner.Running running, BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + JarRunner.TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (!running.isAlive()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        fail("waited " + JarRunner.TIMEOUT + " for " + what + "\n" + running.transcript());
      }
      running.waitFor(Duration.ofMillis(10)); // a short pause that ends early if vis exits
    }
  }
}
