package dev.vis.store;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A finished run copied from another store ({@code vis push}): how it was started, how it ended,
 * and where its tasks come from.
 *
 * @param start the run as recorded when it started; its tasks list is ignored, {@code tasks} gives
 *     them (a replay's come from its source, which must be in the store already)
 * @param status how it ended
 * @param finishedAt when it ended
 * @param tasks streams the run's tasks, in task order, to the consumer it is given
 * @param results its stored results where they still hold, copied along so that its reports there
 *     need not read its answers either
 */
public record ImportedRun(
    NewRun start,
    RunStatus status,
    Instant finishedAt,
    Consumer<Consumer<RecordedTask>> tasks,
    Optional<RunResults> results) {

  /** A run copied without stored results. */
  public ImportedRun(
      NewRun start, RunStatus status, Instant finishedAt, Consumer<Consumer<RecordedTask>> tasks) {
    this(start, status, finishedAt, tasks, Optional.empty());
  }
}
