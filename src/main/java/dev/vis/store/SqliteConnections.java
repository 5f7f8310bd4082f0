package dev.vis.store;

import dev.vis.VisException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * How vis connects to its SQLite file: a writer's connections (foreign keys, {@code BEGIN
 * IMMEDIATE}) or a reader's (query-only, so a reading command cannot change the file). Neither may
 * create the file: {@link #createOwnerOnly} does, on purpose.
 */
final class SqliteConnections {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  /**
   * What a store is opened with.
   *
   * @param busyTimeout how long a write waits for another process's write
   * @param mounts where to look up the file system holding the file, for messages
   * @param maxPageCount SQLite's page limit per connection, 0 for none (tests fill a "disk" with
   *     it)
   */
  record Settings(Duration busyTimeout, MountTable mounts, int maxPageCount) {
    /** How long a write waits for another process's write to end, unless told otherwise. */
    static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(15);

    static final String BUSY_TIMEOUT_ENV = "VIS_DB_BUSY_TIMEOUT_MS";

    /**
     * The settings of a real command: this machine's mounts, no page limit, and how long to wait
     * for another process's write: {@code VIS_DB_BUSY_TIMEOUT_MS}, else 15 s.
     *
     * @throws VisException (exit 2) when that variable is not a number of milliseconds
     */
    static Settings from(Map<String, String> env) {
      return new Settings(busyTimeout(env), MountTable.system(), 0);
    }

    private static Duration busyTimeout(Map<String, String> env) {
      String value = env.get(BUSY_TIMEOUT_ENV);
      if (value == null || value.isBlank()) {
        return DEFAULT_BUSY_TIMEOUT;
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

  private SqliteConnections() {}

  /** Connections for a command that writes: the journal mode is set once, by the store. */
  static Jdbi forWriting(Path file, Settings settings) {
    SQLiteConfig config = common(settings);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource source = dataSource(file, config);
    return Jdbi.create(() -> waitingBriefly(source.getConnection(), settings));
  }

  /**
   * Connections for a command that only reads. They are not opened read-only: SQLite would then
   * leave the -wal and -shm files it needs behind; a query-only connection cleans them up as it
   * closes and still refuses every write.
   */
  static Jdbi forReading(Path file, Settings settings) {
    SQLiteDataSource source = dataSource(file, common(settings));
    return Jdbi.create(
        () -> {
          Connection c = waitingBriefly(source.getConnection(), settings);
          try (Statement s = c.createStatement()) {
            s.execute("PRAGMA query_only = 1");
          } catch (SQLException e) {
            c.close();
            throw e;
          }
          return c;
        });
  }

  /** The connection, waiting for another process's lock in short steps ({@link SqliteBusyWait}). */
  private static Connection waitingBriefly(Connection c, Settings settings) throws SQLException {
    try {
      SqliteBusyWait.setHandler(c, new SqliteBusyWait(settings.busyTimeout()));
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  private static SQLiteConfig common(Settings settings) {
    SqliteNativeLibrary.prepare();
    SQLiteConfig config = new SQLiteConfig();
    config.resetOpenMode(SQLiteOpenMode.CREATE);
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, settings.busyTimeout().toMillis()));
    if (settings.maxPageCount() > 0) {
      config.setMaxPageCount(settings.maxPageCount());
    }
    return config;
  }

  /** A {@code file:} URI, so that SQLite opens exactly this path whatever characters it holds. */
  private static SQLiteDataSource dataSource(Path file, SQLiteConfig config) {
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file.toUri());
    return source;
  }

  /** Creates an empty database file only its owner can read. */
  static void createOwnerOnly(Path file, String location) {
    try {
      Path parent = file.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      // another process created it first: it is looked at again before use
    } catch (IOException e) {
      throw VisException.usage("cannot create database " + location + ": " + e.getMessage());
    }
  }
}
