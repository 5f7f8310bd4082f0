package dev.vis.store;

import dev.vis.ExitCode;
import dev.vis.VisException;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Forward-only schema migrations keyed on SQLite's {@code user_version}, and vis's mark ({@code
 * application_id}) on the files it owns.
 */
final class Migrations {
  /** The schema version this vis writes and reads. */
  static final int LATEST = SchemaSteps.count();

  /**
   * The first version with table {@code run_results}. Reading commands also read the version before
   * it: the table only spares reports work, and runs without it report from their answers.
   */
  static final int RESULTS = 5;

  /** The oldest schema reading commands read as it is. */
  static final int READABLE = RESULTS - 1;

  private Migrations() {}

  /** Brings the schema to {@link #LATEST}; refuses a database written by a newer vis. */
  static void apply(Handle handle, String location) {
    applyUpTo(handle, location, LATEST);
  }

  /**
   * Puts vis's mark on a file that has none yet (a new file, or one from a vis before the mark), in
   * a write transaction, after refusing a database from a newer vis.
   */
  static void mark(Handle handle, String location) {
    refuseNewer(handle, location);
    handle.useTransaction(
        h -> {
          if (pragma(h, "application_id") != DatabaseFile.APPLICATION_ID) {
            h.execute("PRAGMA application_id = " + DatabaseFile.APPLICATION_ID);
          }
        });
  }

  /**
   * Checks that a reading command can read the schema as it is, since reading never migrates.
   *
   * @throws VisException (exit 2) when the database holds no schema yet, or an older or newer one
   */
  static void checkReadable(Handle handle, String location) {
    checkReadable(pragma(handle, "user_version"), location);
  }

  /**
   * Checks that a reading command can read a schema at version {@code current}.
   *
   * @throws VisException (exit 2) when there is no schema yet, or an older or newer one
   */
  static void checkReadable(int current, String location) {
    refuseNewer(current, location);
    if (current == 0) {
      throw VisException.usage(
          location
              + " holds no runs yet (run `vis run SPEC` first, or point --db / VIS_DB at one)");
    }
    if (current < READABLE) {
      throw VisException.usage(
          location
              + ": this database has schema "
              + current
              + " from an older vis, and this vis reads schema "
              + READABLE
              + " or later; reading commands never upgrade a database: the next `vis run`, `vis replay` or"
              + " `vis runs rm|prune` on it upgrades it, keeping every run");
    }
  }

  private static int refuseNewer(Handle handle, String location) {
    return refuseNewer(pragma(handle, "user_version"), location);
  }

  /**
   * @return {@code current}
   * @throws VisException (exit 2) when {@code current} is newer than this vis knows
   */
  static int refuseNewer(int current, String location) {
    if (current > LATEST) {
      throw new VisException(
          ExitCode.USAGE,
          location
              + ": this database was written by a newer vis (schema "
              + current
              + ", this vis knows "
              + LATEST
              + "); upgrade vis to read it");
    }
    return current;
  }

  /** The schema version of an SQLite database. */
  static int version(Handle handle) {
    return pragma(handle, "user_version");
  }

  private static int pragma(Handle handle, String name) {
    return handle.createQuery("PRAGMA " + name).mapTo(Integer.class).one();
  }

  /**
   * Runs one schema statement straight through JDBC: it binds nothing, and Jdbi's SQL lexer, still
   * cold when a command creates its file, took more of a new file's set-up than SQLite did (a
   * one-call run on a new file: about 20 ms less).
   */
  private static void execute(Handle h, String sql) {
    try (Statement statement = h.getConnection().createStatement()) {
      statement.executeUpdate(sql);
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e, null);
    }
  }

  /** Brings the schema to {@code target} (tests build old databases with it). */
  static void applyUpTo(Handle handle, String location, int target) {
    int current = refuseNewer(handle, location);
    for (int version = current; version < target; version++) {
      String step = SchemaSteps.step(version);
      int next = version + 1;
      handle.useTransaction(
          h -> {
            // another vis may have migrated while we waited for the write lock: read again inside
            int now = pragma(h, "user_version");
            if (now >= next) {
              return;
            }
            SchemaSteps.statements(step).forEach(sql -> execute(h, sql));
            h.execute("PRAGMA user_version = " + next);
          });
    }
  }
}
