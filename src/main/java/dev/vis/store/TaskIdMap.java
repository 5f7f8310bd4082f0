package dev.vis.store;

import java.util.Arrays;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * A replay's task ids by the ids of its source's tasks they copy, matched on the task's prompt,
 * model and sample (unique within a run): the replay's writer stores analyses read off the source.
 */
public final class TaskIdMap {
  private final long[] source;
  private final long[] replay;

  private TaskIdMap(long[] source, long[] replay) {
    this.source = source;
    this.replay = replay;
  }

  static TaskIdMap read(Handle h, String replayRunId) {
    long[] source = new long[1024];
    long[] replay = new long[1024];
    int n = 0;
    try (ResultIterator<long[]> rows =
        h.createQuery(
                """
                SELECT s.id, t.id FROM tasks t
                JOIN runs r ON r.id = t.run_id
                JOIN tasks s ON s.run_id = r.source_run_id AND s.prompt_id = t.prompt_id
                  AND s.model_id = t.model_id AND s.sample = t.sample
                WHERE t.run_id = ? ORDER BY s.id
                """)
            .bind(0, replayRunId)
            .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .iterator()) {
      while (rows.hasNext()) {
        long[] pair = rows.next();
        if (n == source.length) {
          source = Arrays.copyOf(source, 2 * n);
          replay = Arrays.copyOf(replay, 2 * n);
        }
        source[n] = pair[0];
        replay[n++] = pair[1];
      }
    }
    return new TaskIdMap(Arrays.copyOf(source, n), Arrays.copyOf(replay, n));
  }

  /**
   * The replay's copy of a source task.
   *
   * @throws IllegalArgumentException when the replay has no copy of it
   */
  public long replayTask(long sourceTask) {
    int i = Arrays.binarySearch(source, sourceTask);
    if (i < 0) {
      throw new IllegalArgumentException("the replay has no copy of task " + sourceTask);
    }
    return replay[i];
  }

  /** How many tasks the replay copied. */
  public int size() {
    return source.length;
  }
}
