package dev.vis.cli;

import dev.vis.VisException;
import dev.vis.store.Access;
import dev.vis.store.SqliteStore;
import dev.vis.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --db} and {@code --verbose} options every command shares. */
final class StoreOptions {
  static final String BUSY_TIMEOUT_ENV = "VIS_DB_BUSY_TIMEOUT_MS";

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description = "SQLite database file (default: $VIS_DB, else ./vis.db)")
  Path db;

  @Option(names = "--verbose", description = "Show stack traces and debug logs on errors")
  boolean verbose;

  Path path(Map<String, String> env) {
    if (db != null) {
      return db;
    }
    String fromEnv = env.get("VIS_DB");
    return fromEnv == null || fromEnv.isBlank() ? Path.of("vis.db") : Path.of(fromEnv);
  }

  /** Opens the database for writing; only commands that may create it pass {@code create}. */
  Store open(Map<String, String> env, boolean create, Clock clock) {
    return SqliteStore.open(
        path(env), create ? Access.CREATE : Access.WRITE, clock, busyTimeout(env));
  }

  /** Opens the database for a command that only reads: it never creates, migrates or alters it. */
  Store read(Map<String, String> env, Clock clock) {
    return SqliteStore.open(path(env), Access.READ, clock, busyTimeout(env));
  }

  /**
   * How long to wait for another process's write to end: {@code VIS_DB_BUSY_TIMEOUT_MS}, else 15 s.
   */
  static Duration busyTimeout(Map<String, String> env) {
    String value = env.get(BUSY_TIMEOUT_ENV);
    if (value == null || value.isBlank()) {
      return SqliteStore.DEFAULT_BUSY_TIMEOUT;
    }
    try {
      long ms = Long.parseLong(value.strip());
      if (ms >= 0) {
        return Duration.ofMillis(ms);
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw VisException.usage(
        BUSY_TIMEOUT_ENV + "=" + value + ": expected a number of milliseconds (0 or more)");
  }
}
