package dev.vis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The replay part of the store contract ({@link StoreContractTest}): how a replay finds its own
 * copies of its source's tasks; asserted through {@link Store} only.
 */
abstract class StoreReplayContract extends StoreResultsContract {
  @Test
  void a_replay_finds_its_copy_of_each_source_task_by_the_source_tasks_id() {
    NewRun source = create(A, "crm", 0);
    create(C, "other", 1); // tasks of another run, between the source's and the replay's
    createReplayB(source);
    List<PendingTask> sources = store.unfinishedTasks(A);
    List<PendingTask> copies = store.unfinishedTasks(B);

    TaskIdMap ids = store.replayTaskIds(B);

    assertThat(ids.size()).isEqualTo(sources.size()).isEqualTo(4);
    for (PendingTask s : sources) {
      PendingTask copy =
          copies.stream()
              .filter(c -> c.promptId().equals(s.promptId()) && c.sample() == s.sample())
              .findFirst()
              .orElseThrow();
      assertThat(ids.replayTask(s.id())).as("task %d", s.id()).isEqualTo(copy.id());
    }
    long other = store.unfinishedTasks(C).get(0).id();
    assertThatThrownBy(() -> ids.replayTask(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the replay has no copy of task " + other);
  }
}
