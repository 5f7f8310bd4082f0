package dev.vis.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Records a finished run copied from another store inside the caller's transaction, with the same
 * writes a run makes as it goes ({@link RunWrites}, {@link OutcomeWrites}), a page of tasks per
 * batch; then sets each task exactly as it was recorded there.
 */
final class RunImports {
  private RunImports() {}

  /** The store's own write of a batch of outcomes, as a run's writer makes it. */
  @FunctionalInterface
  interface OutcomeWriter {
    void write(Handle h, List<TaskOutcome> outcomes);
  }

  /**
   * @return false, writing nothing, when the store holds a run with this id already
   */
  static boolean importRun(Handle h, ImportedRun run, OutcomeWriter writer) {
    String id = run.start().id();
    boolean present =
        h.createQuery("SELECT count(*) FROM runs WHERE id = ?").bind(0, id).mapTo(Long.class).one()
            > 0;
    if (present) {
      return false;
    }
    NewRun start = run.start();
    RunWrites.create(
        h,
        new NewRun(
            id,
            start.specPath(),
            start.specText(),
            start.specSha256(),
            start.spec(),
            start.models(),
            List.of(),
            start.sourceRunId(),
            start.createdAt(),
            start.owner(),
            start.specSamples()));
    Tasks tasks = new Tasks(h, id, start.sourceRunId().isPresent(), writer);
    run.tasks().accept(tasks::add);
    tasks.flush();
    RunStateWrites.finish(h, id, run.status(), run.finishedAt());
    run.results().ifPresent(results -> RunResultsRows.write(h, id, results, run.finishedAt()));
    return true;
  }

  /** The tasks copied so far, written a page at a time. */
  private static final class Tasks {
    private final Handle h;
    private final String runId;
    private final boolean replay;
    private final OutcomeWriter writer;
    private final Map<String, Long> ids = new HashMap<>();
    private final List<RecordedTask> page = new ArrayList<>();
    private long lastId;

    /**
     * @param replay whether the run's tasks were recorded with it, copied from its source: then
     *     only their analysis is the run's own
     */
    Tasks(Handle h, String runId, boolean replay, OutcomeWriter writer) {
      this.h = h;
      this.runId = runId;
      this.replay = replay;
      this.writer = writer;
      if (replay) {
        readIds();
      }
    }

    void add(RecordedTask task) {
      page.add(task);
      if (page.size() == RecordedTaskReads.PAGE) {
        flush();
      }
    }

    void flush() {
      if (page.isEmpty()) {
        return;
      }
      if (!replay) {
        insertPending();
      }
      List<TaskOutcome> outcomes = new ArrayList<>();
      PreparedBatch settle =
          h.prepareBatch(
              "UPDATE tasks SET status = ?, attempts = ?, error = ?, updated_at = ? WHERE id = ?");
      for (RecordedTask t : page) {
        long taskId = idOf(t.task());
        if (replay) {
          outcomes.add(new TaskOutcome.Analysed(taskId, t.analysis()));
        } else if (t.answer().isPresent()) {
          outcomes.add(
              new TaskOutcome.Answered(taskId, t.attempts(), t.answer().get(), t.analysis()));
        } else if (!t.attempts().isEmpty()) {
          outcomes.add(new TaskOutcome.Failed(taskId, t.attempts(), t.error().orElse("")));
        }
        settle
            .bind(0, t.status())
            .bind(1, t.attemptCount())
            .bind(2, t.error().orElse(null))
            .bind(3, Timestamps.format(t.updatedAt()))
            .bind(4, taskId)
            .add();
      }
      writer.write(h, outcomes);
      settle.execute();
      page.clear();
    }

    private void insertPending() {
      PreparedBatch batch =
          h.prepareBatch(
              "INSERT INTO tasks (run_id, seq, prompt_id, model_id, sample, status, updated_at)"
                  + " VALUES (?, ?, ?, ?, ?, 'pending', ?)");
      for (RecordedTask t : page) {
        NewTask task = t.task();
        batch
            .bind(0, runId)
            .bind(1, task.seq())
            .bind(2, task.promptId())
            .bind(3, task.modelId())
            .bind(4, task.sample())
            .bind(5, Timestamps.format(t.updatedAt()))
            .add();
      }
      batch.execute();
      readIds();
    }

    /** Learns the ids the store gave the tasks written since it last looked. */
    private void readIds() {
      h.createQuery(
              "SELECT id, prompt_id, model_id, sample FROM tasks WHERE run_id = ? AND id > ?"
                  + " ORDER BY id")
          .bind(0, runId)
          .bind(1, lastId)
          .map(
              (rs, ctx) -> {
                ids.put(key(rs.getString(2), rs.getString(3), rs.getInt(4)), rs.getLong(1));
                return rs.getLong(1);
              })
          .forEach(id -> lastId = Math.max(lastId, id));
    }

    private long idOf(NewTask task) {
      Long id = ids.get(key(task.promptId(), task.modelId(), task.sample()));
      if (id == null) {
        throw new IllegalStateException(
            "task " + task + " of run " + runId + " is not in the store it was copied to");
      }
      return id;
    }

    private static String key(String promptId, String modelId, int sample) {
      return promptId + '\u0000' + modelId + '\u0000' + sample;
    }
  }
}
