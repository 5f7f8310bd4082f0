package dev.vis.blackbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.sqlite.SQLiteConfig;

/**
 * Looks into a vis database file as a user's own SQL tool would, read-only, so it never creates the
 * file, never checkpoints the WAL a crashed vis left behind, and never blocks the writer.
 */
final class SqliteProbe {
  /** How many tasks are answered. */
  static final String OK_TASKS = "SELECT count(*) FROM tasks WHERE status = 'ok'";

  private final Path file;

  SqliteProbe(Path file) {
    this.file = file;
  }

  /** Reads one row of a result set. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** The first column of the only row of {@code sql}, as a number. */
  long number(String sql) {
    return rows(sql, r -> r.getLong(1)).getFirst();
  }

  /** The first column of the only row of {@code sql}, as text. */
  String text(String sql) {
    return rows(sql, r -> r.getString(1)).getFirst();
  }

  /** Every row of {@code sql}. */
  <T> List<T> rows(String sql, RowReader<T> reader) {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      List<T> rows = new ArrayList<>();
      while (r.next()) {
        rows.add(reader.read(r));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(file + ": " + sql, e);
    }
  }

  /**
   * {@link #number} while the database may still be coming into being: empty when the file or its
   * schema is not there yet.
   */
  OptionalLong numberIfReady(String sql) {
    if (!Files.exists(file)) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(number(sql));
    } catch (IllegalStateException e) {
      return OptionalLong.empty();
    }
  }

  private Connection connect() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(5_000);
    return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
  }
}
