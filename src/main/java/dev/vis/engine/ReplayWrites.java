package dev.vis.engine;

import dev.vis.store.NewRun;
import dev.vis.store.Store;
import dev.vis.store.TaskIdMap;
import dev.vis.store.TaskOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * A replay's writes, all on its writer thread: first the run with its source's tasks, while the
 * source's answers are read and analysed, then each batch of analyses under the replay's own task
 * ids.
 */
final class ReplayWrites {
  private final Store store;
  private final NewRun run;
  private TaskIdMap ids;

  ReplayWrites(Store store, NewRun run) {
    this.store = store;
    this.run = run;
  }

  /** Records the run and its tasks in one transaction, and learns their ids. */
  void start() {
    store.createRun(run);
    ids = store.replayTaskIds(run.id());
  }

  /** Stores a batch of analyses of the source's tasks on the replay's copies of them. */
  void write(List<TaskOutcome.Analysed> batch) {
    List<TaskOutcome.Analysed> copies = new ArrayList<>(batch.size());
    for (TaskOutcome.Analysed a : batch) {
      copies.add(new TaskOutcome.Analysed(ids.replayTask(a.taskId()), a.analysis()));
    }
    store.writeFirstAnalyses(copies);
  }
}
