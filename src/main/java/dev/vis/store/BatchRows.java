package dev.vis.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * One statement's rows, bound straight into a JDBC batch: Jdbi's own batches keep every row as a
 * map and look up each value's binder when they execute, which cost more than SQLite's inserts. The
 * statement is prepared on its first row, so a batch of answers never prepares the failures'.
 */
final class BatchRows implements AutoCloseable {
  private final Handle h;
  private final String sql;
  private PreparedStatement statement;
  private int column;
  private int rows;

  BatchRows(Handle h, String sql) {
    this.h = h;
    this.sql = sql;
  }

  /** Starts the next row; its values follow in column order. */
  BatchRows row() {
    try {
      if (statement == null) {
        statement = h.getConnection().prepareStatement(sql);
      } else if (column > 0) {
        statement.addBatch();
      }
    } catch (SQLException e) {
      throw failed(e);
    }
    column = 0;
    rows++;
    return this;
  }

  /**
   * The row's next value: a string, a whole number, a real number, a boolean (stored as 1 or 0: the
   * schema's flags are integer columns, which PostgreSQL will not fill from a boolean) or null.
   */
  BatchRows bind(Object value) {
    int index = ++column;
    try {
      switch (value) {
        case null -> statement.setNull(index, Types.OTHER); // untyped: the column decides
        case String text -> statement.setString(index, text);
        case Long number -> statement.setLong(index, number);
        case Integer number -> statement.setInt(index, number);
        case Double number -> statement.setDouble(index, number);
        case Boolean flag -> statement.setInt(index, flag ? 1 : 0);
        default -> throw new IllegalArgumentException("cannot bind " + value.getClass());
      }
    } catch (SQLException e) {
      throw failed(e);
    }
    return this;
  }

  void execute() {
    if (rows == 0) {
      return;
    }
    try {
      statement.addBatch();
      statement.executeBatch();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void close() {
    if (statement != null) {
      try {
        statement.close();
      } catch (SQLException e) {
        throw failed(e);
      }
    }
  }

  private static UnableToExecuteStatementException failed(SQLException e) {
    return new UnableToExecuteStatementException(e, null);
  }
}
