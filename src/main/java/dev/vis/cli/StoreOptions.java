package dev.vis.cli;

import dev.vis.store.SqliteStore;
import dev.vis.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --db} and {@code --verbose} options every command shares. */
final class StoreOptions {
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

  /** Opens the database; only commands that write may create it. */
  Store open(Map<String, String> env, boolean create, Clock clock) {
    return SqliteStore.open(path(env), create, clock);
  }
}
