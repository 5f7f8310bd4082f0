package dev.vis.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Hands out the ids of the answers one writer transaction inserts, so the answers go in as one
 * prepared batch and their sources and tasks can name them without a round trip per answer. Both
 * ask JDBC directly: a Jdbi query, built anew for every batch the writer commits, cost more than
 * the batch's inserts.
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
    long largest = 0; // no answer yet: MAX is NULL, which getLong reads as 0
    try (PreparedStatement max = h.getConnection().prepareStatement("SELECT MAX(id) FROM answers");
        ResultSet row = max.executeQuery()) {
      if (row.next()) {
        largest = row.getLong(1);
      }
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e, null);
    }
    long[] ids = new long[count];
    for (int i = 0; i < count; i++) {
      ids[i] = largest + 1 + i;
    }
    return ids;
  }

  /** PostgreSQL's identity sequence, which workers writing at once share safely. */
  static long[] fromSequence(Handle h, int count) {
    long[] ids = new long[count];
    try (PreparedStatement next =
        h.getConnection()
            .prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('answers', 'id'))"
                    + " FROM generate_series(1, ?)")) {
      next.setInt(1, count);
      try (ResultSet rows = next.executeQuery()) {
        for (int i = 0; i < count && rows.next(); i++) {
          ids[i] = rows.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e, null);
    }
    return ids;
  }
}
