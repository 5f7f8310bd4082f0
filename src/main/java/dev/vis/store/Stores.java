package dev.vis.store;

import dev.vis.VisException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the store a database location names ({@code --db}, {@code VIS_DB}): the one place that
 * knows which {@link Store} implementations exist: a {@code postgresql://} or {@code
 * jdbc:postgresql://} URL is a {@link PostgresStore}, any other URL is refused, and everything else
 * is an SQLite file.
 */
public final class Stores {
  private Stores() {}

  /**
   * Opens a store.
   *
   * @param location the database as the user named it
   * @param clock what the store reads the time from (a run's staleness)
   * @param env the environment, for the store's own settings
   * @throws VisException (exit 2) when the location names no usable database (a URL vis does not
   *     speak, among others), (exit 1) when it stays locked or its server cannot be reached
   */
  public static Store open(String location, Access access, Clock clock, Map<String, String> env) {
    Optional<PostgresLocation> postgres = PostgresLocation.parse(location, env);
    if (postgres.isPresent()) {
      return PostgresStore.open(postgres.get(), access, clock, env);
    }
    Path path;
    try {
      path = Path.of(location);
    } catch (InvalidPathException e) {
      throw VisException.usage(location + ": not a usable database path (" + e.getReason() + ")");
    }
    return SqliteStore.open(path, access, clock, env);
  }
}
