package dev.vis.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** PostgreSQL's SQL for workers that share a run: leases on tasks, timed by the server's clock. */
final class LeaseWrites {
  /**
   * PostgreSQL's own schema steps: the lease of a task, and one answer per task, enforced; then the
   * workers' heartbeats and budget.
   */
  static final List<String> STEPS =
      List.of(
          """
          ALTER TABLE tasks ADD COLUMN lease_owner TEXT;
          ALTER TABLE tasks ADD COLUMN lease_until TIMESTAMPTZ;
          CREATE INDEX tasks_pending_by_run ON tasks(run_id, seq) WHERE status = 'pending';
          ALTER TABLE answers ADD COLUMN task_id BIGINT;
          CREATE UNIQUE INDEX answers_one_per_task ON answers(task_id);
          """,
          WorkerWrites.STEP);

  /**
   * The worker's pending tasks, locked in id order: every statement that locks several tasks locks
   * them in that order (the writer too), so workers and their writers never deadlock.
   */
  private static final String MINE =
      "SELECT id FROM tasks WHERE lease_owner = ? AND status = 'pending' ORDER BY id FOR UPDATE";

  private LeaseWrites() {}

  static List<PendingTask> lease(Handle h, String runId, String worker, int max, Duration lease) {
    return h
        .createQuery(
            """
            UPDATE tasks SET lease_owner = :worker,
              lease_until = now() + make_interval(secs => :seconds)
            WHERE id IN (
              SELECT id FROM tasks
              WHERE run_id = :run AND status = 'pending'
                AND (lease_until IS NULL OR lease_until < now())
                AND lease_owner IS DISTINCT FROM :worker
              ORDER BY seq LIMIT :max FOR UPDATE SKIP LOCKED)
            RETURNING id, seq, prompt_id, model_id, sample, attempts
            """)
        .bind("worker", worker)
        .bind("seconds", (double) lease.toMillis() / 1000)
        .bind("run", runId)
        .bind("max", max)
        .map((rs, ctx) -> RunQueries.pendingTask(rs))
        .list()
        .stream()
        .sorted(Comparator.comparingInt(PendingTask::seq))
        .toList();
  }

  static void renew(Handle h, String worker, Duration lease) {
    h.createUpdate(
            // a task the writer holds is being settled: renewing it can wait for the next round
            "UPDATE tasks SET lease_until = now() + make_interval(secs => ?)"
                + " WHERE id IN ("
                + MINE
                + " SKIP LOCKED)")
        .bind(0, (double) lease.toMillis() / 1000)
        .bind(1, worker)
        .execute();
  }

  static void release(Handle h, String worker) {
    h.createUpdate(
            "UPDATE tasks SET lease_owner = NULL, lease_until = NULL WHERE id IN (" + MINE + ")")
        .bind(0, worker)
        .execute();
  }

  static long pendingElsewhere(Handle h, String runId, String worker) {
    return h.createQuery(
            "SELECT count(*) FROM tasks WHERE run_id = ? AND status = 'pending'"
                + " AND (lease_owner IS DISTINCT FROM ? OR lease_until < now())")
        .bind(0, runId)
        .bind(1, worker)
        .mapTo(Long.class)
        .one();
  }

  /**
   * Of a batch about to be written, the answers whose task another worker answered first are left
   * out. Every task of the batch is locked first, in id order (see {@link #MINE}); the unique index
   * on {@code answers.task_id} backs this.
   */
  static List<TaskOutcome> firstAnswersOnly(Handle h, List<TaskOutcome> outcomes) {
    List<Long> ids = outcomes.stream().map(TaskOutcome::taskId).distinct().toList();
    List<Long> done =
        h.createQuery("SELECT id, status FROM tasks WHERE id = ANY(?) ORDER BY id FOR UPDATE")
            .bindArray(0, Long.class, ids)
            .map((rs, ctx) -> "ok".equals(rs.getString(2)) ? rs.getLong(1) : -1L)
            .list();
    Set<Long> answered = new HashSet<>(done);
    List<TaskOutcome> first = new ArrayList<>(outcomes.size());
    for (TaskOutcome o : outcomes) {
      // a task called twice (its lease lapsed under a slow worker) keeps the answer stored first
      if (!(o instanceof TaskOutcome.Answered) || answered.add(o.taskId())) {
        first.add(o);
      }
    }
    return first;
  }

  /** Ties each newly stored answer to its task, which the unique index allows once. */
  static void tieAnswers(Handle h, List<TaskOutcome> written) {
    List<Long> answered =
        written.stream()
            .filter(o -> o instanceof TaskOutcome.Answered)
            .map(TaskOutcome::taskId)
            .toList();
    if (answered.isEmpty()) {
      return;
    }
    h.createUpdate(
            "UPDATE answers a SET task_id = t.id FROM tasks t"
                + " WHERE t.answer_id = a.id AND t.id = ANY(?) AND a.task_id IS NULL")
        .bindArray(0, Long.class, answered)
        .execute();
  }
}
