package dev.vis.store;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Hands out the ids of the answers one writer transaction inserts, so the answers go in as one
 * prepared batch and their sources and tasks can name them without a round trip per answer.
 */
@FunctionalInterface
interface AnswerIds {

  /** {@code count} ids no other answer has or will take. */
  long[] take(Handle h, int count);

  /**
   * SQLite's own choice, made in advance: the writer's transaction began {@code IMMEDIATE}, so no
   * other connection inserts an answer before it commits.
   */
  static long[] afterLargest(Handle h, int count) {
    long largest =
        h.createQuery("SELECT COALESCE(MAX(id), 0) FROM answers").mapTo(Long.class).one();
    long[] ids = new long[count];
    for (int i = 0; i < count; i++) {
      ids[i] = largest + 1 + i;
    }
    return ids;
  }

  /** PostgreSQL's identity sequence, which workers writing at once share safely. */
  static long[] fromSequence(Handle h, int count) {
    List<Long> taken =
        h.createQuery(
                "SELECT nextval(pg_get_serial_sequence('answers', 'id')) FROM generate_series(1, ?)")
            .bind(0, count)
            .mapTo(Long.class)
            .list();
    return taken.stream().mapToLong(Long::longValue).toArray();
  }
}
