package dev.vis.cli;

import dev.vis.store.Access;
import dev.vis.store.Store;
import dev.vis.store.Stores;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --db} and {@code --verbose} options every command shares. */
final class StoreOptions {
  @Option(
      names = "--db",
      paramLabel = "PATH|URL",
      description =
          "SQLite database file, or a postgresql://USER@HOST:PORT/DB URL (default: $VIS_DB, else"
              + " ./vis.db)")
  String db;

  @Option(names = "--verbose", description = "Show stack traces and debug logs on errors")
  boolean verbose;

  String location(Map<String, String> env) {
    if (db != null) {
      return db;
    }
    String fromEnv = env.get("VIS_DB");
    return fromEnv == null || fromEnv.isBlank() ? "vis.db" : fromEnv;
  }

  /** Opens the database for writing; only commands that may create it pass {@code create}. */
  Store open(Map<String, String> env, boolean create, Clock clock) {
    return Stores.open(location(env), create ? Access.CREATE : Access.WRITE, clock, env);
  }

  /** Opens the database for a command that only reads: it never creates, migrates or alters it. */
  Store read(Map<String, String> env, Clock clock) {
    return Stores.open(location(env), Access.READ, clock, env);
  }
}
