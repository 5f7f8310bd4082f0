package dev.vis.store;

import dev.vis.ExitCode;
import dev.vis.VisException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns SQLite's errors into messages that name the database file and the fix, keyed on SQLite's
 * primary result code (never on message text, which changes between versions).
 *
 * @param location the database as the user named it
 * @param file its absolute path
 * @param busyTimeout how long a write waits for another process's lock, as the messages say
 * @param mounts where to look up the file system that holds it
 */
record SqliteErrors(String location, Path file, Duration busyTimeout, MountTable mounts) {
  VisException translate(Exception e) {
    if (e instanceof VisException v) {
      return v;
    }
    Optional<SQLiteException> sqlite = sqliteCause(e);
    String text =
        sqlite
            .map(s -> s.getMessage())
            .orElse(String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e));
    return switch (SQLiteErrorCode.getErrorCode(primaryCode(e))) {
      case SQLITE_NOTADB ->
          VisException.usage(
              location + ": not a vis database (SQLite says: file is not a database)");
      case SQLITE_FULL -> new DiskFullException(location, e);
      case SQLITE_BUSY, SQLITE_LOCKED ->
          error(
              ExitCode.FAILED,
              "the database stayed locked by another process for "
                  + seconds(busyTimeout)
                  + "; nothing was lost: try again when that process is done ("
                  + "VIS_DB_BUSY_TIMEOUT_MS waits longer)",
              e);
      case SQLITE_READONLY ->
          error(
              ExitCode.USAGE,
              "the database is read-only here; vis needs to write the file and, beside it,"
                  + " its -wal and -shm files (check the permissions of the file and its"
                  + " directory)",
              e);
      case SQLITE_CANTOPEN ->
          error(
              ExitCode.USAGE,
              "cannot open the database ("
                  + text
                  + "); vis needs to write the file and create its -wal and -shm files beside"
                  + " it (check the permissions of the file and its directory)",
              e);
      case SQLITE_IOERR -> new VisException(ExitCode.FAILED, ioError(text), e);
      default -> error(ExitCode.FAILED, "database error: " + text, e);
    };
  }

  private VisException error(int exit, String what, Exception cause) {
    return new VisException(exit, location + ": " + what, cause);
  }

  /**
   * An I/O error: on a network file system, WAL's shared memory is the likely cause; elsewhere,
   * most often the -wal or -shm file was deleted or replaced under a running vis.
   */
  private String ioError(String text) {
    Optional<String> network = mounts.networkFileSystem(file);
    if (network.isPresent()) {
      return location
          + ": SQLite I/O error ("
          + text
          + "); the database is on a network file system ("
          + network.get()
          + "), where SQLite's WAL mode does not work: keep the database on a local disk";
    }
    String name = file.getFileName().toString();
    return location
        + ": SQLite I/O error ("
        + text
        + "); the database, or the "
        + name
        + "-wal or "
        + name
        + "-shm file beside it, changed under vis: another program may have deleted, moved or"
        + " replaced one (a cleanup job, a sync tool), or the disk failed; leave these files"
        + " alone while vis works, then run the command again";
  }

  /** The message when SQLite keeps another journal mode than WAL. */
  String noWal(String mode) {
    Optional<String> network = mounts.networkFileSystem(file);
    return location
        + ": SQLite could not switch the database to WAL mode (journal_mode is "
        + mode
        + ")"
        + network
            .map(
                type ->
                    "; it is on a network file system ("
                        + type
                        + "), where WAL does not work: keep the database on a local disk")
            .orElse("");
  }

  /**
   * SQLite's primary result code (the low byte of an extended one) behind {@code e}, or -1 when
   * SQLite did not raise it.
   */
  static int primaryCode(Throwable e) {
    return sqliteCause(e).map(s -> s.getResultCode().code & 0xFF).orElse(-1);
  }

  private static Optional<SQLiteException> sqliteCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException s) {
        return Optional.of(s);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
