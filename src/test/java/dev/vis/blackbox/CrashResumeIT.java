package dev.vis.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a run, then {@code run SPEC --resume}: no stored answer is lost
 * or duplicated, and only the missing tasks are called again.
 */
class CrashResumeIT {
  /** 5 prompts x 2 models x 15 samples. */
  static final int TASKS = 150;

  static final String SPEC =
      """
      version: 1
      name: crash
      brands:
        - name: Acme CRM
          aliases: [Acme]
          domains: [acme.example]
          primary: true
        - name: Globex
          domains: [globex.example]
      prompts:
        - id: crm-{n}
          text: Which CRM fits team number {n}?
          vars: {n: [one, two, three, four, five]}
      models:
        - id: sim-a
          provider: sim
          sim: {seed: 1, mention_rate: {Acme CRM: 0.5}}
        - id: sim-b
          provider: sim
          sim: {seed: 2}
      samples: 15
      """;

  @TempDir Path root;
  JarRunner vis;
  SqliteProbe db;

  @BeforeEach
  void setUp() throws IOException {
    vis = JarRunner.in(root);
    db = new SqliteProbe(vis.workDir().resolve("vis.db"));
    Files.writeString(vis.workDir().resolve("crash.yaml"), SPEC);
  }

  /** One stored answer of a task, and how many attempts the task has on record. */
  record TaskAnswer(long taskId, long answerId, String text, int attempts, int attemptRows) {}

  @Nested
  class AfterAKill {
    @Test
    void no_stored_answer_is_lost_and_resume_calls_only_the_missing_tasks() {
      killMidRun(20);
      String runId = db.text("SELECT id FROM runs");
      Map<Long, TaskAnswer> beforeResume = storedAnswers();
      int answeredBeforeTheKill = beforeResume.size();
      assertThat(answeredBeforeTheKill).isBetween(20, TASKS - 1);
      assertThat(db.number("SELECT count(*) FROM answers"))
          .as("every stored answer belongs to its ok task")
          .isEqualTo(answeredBeforeTheKill);

      JarRunner.Result runs = vis.run("runs");
      assertThat(runs.out())
          .as(runs::toString)
          .containsPattern(
              "(?m)^"
                  + runId
                  + "\\s+crash\\s+\\S+\\s+stale\\s+"
                  + answeredBeforeTheKill
                  + "\\s+0\\s");

      JarRunner.Result resume = vis.run("run", "crash.yaml", "--resume");
      assertThat(resume.exitCode()).as(resume::toString).isZero();
      assertThat(resume.out()).as(resume::toString).isEqualTo(runId + System.lineSeparator());
      assertThat(resume.err())
          .as(resume::toString)
          .contains(TASKS + " of " + TASKS + " tasks answered, 0 failed, 0 pending")
          .contains("this session: " + (TASKS - answeredBeforeTheKill) + " calls");

      assertThat(db.number("SELECT count(*) FROM tasks")).isEqualTo(TASKS);
      assertThat(db.number(SqliteProbe.OK_TASKS)).isEqualTo(TASKS);
      assertThat(db.number("SELECT count(*) FROM tasks WHERE answer_id IS NULL")).isZero();
      assertThat(db.number("SELECT count(*) FROM answers")).isEqualTo(TASKS);
      assertThat(db.number("SELECT count(DISTINCT answer_id) FROM tasks")).isEqualTo(TASKS);
      Map<Long, TaskAnswer> afterResume = storedAnswers();
      assertThat(afterResume)
          .as("answers stored before the kill keep their ids, text and attempt counts")
          .containsAllEntriesOf(beforeResume);
      assertThat(afterResume.values())
          .as("no task was called again once its answer was stored")
          .allSatisfy(a -> assertThat(a.attemptRows()).isEqualTo(1));
      assertThat(db.text("PRAGMA integrity_check")).isEqualTo("ok");
      JarRunner.Result finished = vis.run("runs");
      assertThat(finished.out())
          .as(finished::toString)
          .containsPattern("(?m)^" + runId + "\\s+crash\\s+\\S+\\s+done\\s");
    }

    @Test
    void resume_refuses_a_spec_whose_prompts_or_brand_rules_changed() throws IOException {
      killMidRun(1);
      String runId = db.text("SELECT id FROM runs");
      long okBefore = db.number(SqliteProbe.OK_TASKS);
      long attemptsBefore = db.number("SELECT count(*) FROM attempts");

      Files.writeString(
          vis.workDir().resolve("more-prompts.yaml"), SPEC.replace("five]", "five, six]"));
      JarRunner.Result prompts = vis.run("run", "more-prompts.yaml", "--resume");
      assertThat(prompts.exitCode()).as(prompts::toString).isEqualTo(2);
      assertThat(prompts.out()).as(prompts::toString).isEmpty();
      assertThat(prompts.err())
          .as(prompts::toString)
          .contains("cannot resume run " + runId, "prompts", "vis run SPEC")
          .doesNotContain("Exception");

      Files.writeString(
          vis.workDir().resolve("new-alias.yaml"), SPEC.replace("[Acme]", "[Acme, AcmeCRM]"));
      JarRunner.Result brands = vis.run("run", "new-alias.yaml", "--resume");
      assertThat(brands.exitCode()).as(brands::toString).isEqualTo(2);
      assertThat(brands.err())
          .as(brands::toString)
          .contains("cannot resume run " + runId, "brand rules", "vis replay " + runId + " --spec");

      assertThat(db.number(SqliteProbe.OK_TASKS))
          .as("a refused resume calls nothing")
          .isEqualTo(okBefore);
      assertThat(db.number("SELECT count(*) FROM attempts")).isEqualTo(attemptsBefore);
      assertThat(db.number("SELECT count(*) FROM runs")).as("and records no run").isOne();
    }
  }

  @Nested
  class Refusals {
    @Test
    void resume_of_a_run_whose_owner_is_alive_exits_2() {
      // slow enough that the owner is still at work when the second process asks
      try (JarRunner.Running live = startRun(Duration.ofMillis(500))) {
        awaitOkTasks(live, 1);
        String runId = db.text("SELECT id FROM runs");
        JarRunner.Result resume = vis.run("run", "crash.yaml", "--resume", runId);
        assertThat(resume.exitCode()).as(resume::toString).isEqualTo(2);
        assertThat(resume.err())
            .as(resume::toString)
            .containsPattern("being worked by process " + live.pid())
            .doesNotContain("Exception");
        assertThat(live.isAlive()).as("the owner goes on").isTrue();
      }
    }

    @Test
    void resume_when_nothing_is_unfinished_exits_2_and_says_so() {
      JarRunner.Result run = vis.run("run", "crash.yaml", "--samples", "1", "--quiet");
      assertThat(run.exitCode()).as(run::toString).isZero();
      JarRunner.Result resume = vis.run("run", "crash.yaml", "--resume");
      assertThat(resume.exitCode()).as(resume::toString).isEqualTo(2);
      assertThat(resume.out()).as(resume::toString).isEmpty();
      assertThat(resume.err())
          .as(resume::toString)
          .contains("no unfinished run of 'crash' to resume")
          .doesNotContain("Exception");
    }
  }

  /** Starts the run, waits until {@code atLeast} tasks are ok, then SIGKILLs it. */
  private void killMidRun(int atLeast) {
    try (JarRunner.Running running = startRun(Duration.ofMillis(40))) {
      awaitOkTasks(running, atLeast);
      running.kill();
    }
  }

  /** Starts the run with {@code latency} per answer, 4 calls in flight. */
  private JarRunner.Running startRun(Duration latency) {
    return vis.withEnv("VIS_SIM_LATENCY_MS", Long.toString(latency.toMillis()))
        .start("run", "crash.yaml", "--concurrency", "4", "--progress", "none");
  }

  private void awaitOkTasks(JarRunner.Running running, int atLeast) {
    running.awaitWhileRunning(
        () -> db.numberIfReady(SqliteProbe.OK_TASKS).orElse(0) >= atLeast, atLeast + " tasks ok");
  }

  private Map<Long, TaskAnswer> storedAnswers() {
    return db
        .rows(
            """
            SELECT t.id, t.answer_id, a.text, t.attempts,
                   (SELECT count(*) FROM attempts x WHERE x.task_id = t.id)
            FROM tasks t JOIN answers a ON a.id = t.answer_id
            WHERE t.status = 'ok'
            """,
            r ->
                new TaskAnswer(
                    r.getLong(1), r.getLong(2), r.getString(3), r.getInt(4), r.getInt(5)))
        .stream()
        .collect(Collectors.toMap(TaskAnswer::taskId, Function.identity()));
  }
}
