package dev.vis.store;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * An open cursor over rows ordered by task id, read a task at a time beside the cursor over the
 * tasks themselves, so that a run's answers stream without a map of every task's rows.
 */
final class TaskRows<T> implements AutoCloseable {
  /** One row of the cursor: its task and what it holds. */
  record Row<T>(long task, T value) {}

  private final ResultIterator<Row<T>> rows;
  private Row<T> next;

  TaskRows(ResultIterator<Row<T>> rows) {
    this.rows = rows;
    this.next = rows.hasNext() ? rows.next() : null;
  }

  /**
   * The rows of {@code task}; tasks must be asked for in ascending order. Rows of tasks that were
   * never asked for (not answered) are skipped.
   */
  List<T> of(long task) {
    while (next != null && next.task() < task) {
      advance();
    }
    if (next == null || next.task() != task) {
      return List.of();
    }
    List<T> values = new ArrayList<>(4);
    while (next != null && next.task() == task) {
      values.add(next.value());
      advance();
    }
    return values;
  }

  private void advance() {
    next = rows.hasNext() ? rows.next() : null;
  }

  @Override
  public void close() {
    rows.close();
  }
}
