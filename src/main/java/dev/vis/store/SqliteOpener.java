package dev.vis.store;

import dev.vis.ExitCode;
import dev.vis.VisException;
import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Opens a database file for {@link SqliteStore}: makes sure it is a vis database (or a new or empty
 * file, for {@link Access#CREATE}) before SQLite writes to it, then, for writing, marks it,
 * switches it to WAL and migrates it; for reading, only checks that its schema can be read.
 */
final class SqliteOpener {
  private SqliteOpener() {}

  /**
   * An opened database.
   *
   * @param jdbi its connections, for writing or for reading as asked
   * @param errors how its errors read
   */
  record Opened(Jdbi jdbi, SqliteErrors errors) {}

  /**
   * @param location the database as the user named it, for messages
   * @throws VisException (exit 2) when the file is missing or empty and may not be created, is not
   *     a vis database, was written by a newer vis (or, for reading, an older one), or is locked
   */
  static Opened open(
      Path path, String location, Access access, SqliteConnections.Settings settings) {
    Path file = path.toAbsolutePath().normalize();
    SqliteErrors errors =
        new SqliteErrors(location, file, settings.busyTimeout(), settings.mounts());
    DatabaseFile.Kind kind = DatabaseFile.inspect(file, location, errors);
    if (kind == DatabaseFile.Kind.MISSING && access == Access.CREATE) {
      SqliteConnections.createOwnerOnly(file, location);
      kind = DatabaseFile.inspect(file, location, errors);
    }
    if (kind == DatabaseFile.Kind.MISSING) {
      throw VisException.usage(
          "no database at "
              + location
              + " (run `vis run SPEC` first, or point --db / VIS_DB at one)");
    }
    if (kind == DatabaseFile.Kind.EMPTY && access != Access.CREATE) {
      throw VisException.usage(
          location
              + " is an empty file, not a vis database yet (`vis run SPEC --db "
              + location
              + "` makes it one)");
    }
    boolean reading = access == Access.READ;
    Jdbi jdbi =
        reading
            ? SqliteConnections.forReading(file, settings)
            : SqliteConnections.forWriting(file, settings);
    try (Handle handle = jdbi.open()) {
      if (reading) {
        Migrations.checkReadable(handle, location);
      } else {
        prepareForWriting(handle, kind, location, errors);
      }
    } catch (JdbiException e) {
      throw errors.translate(e);
    }
    return new Opened(jdbi, errors);
  }

  /**
   * Marks a file that has no mark yet (on a new file, before WAL, so the mark sits in the main
   * file's header from the start), switches to WAL and migrates.
   */
  private static void prepareForWriting(
      Handle handle, DatabaseFile.Kind kind, String location, SqliteErrors errors) {
    if (kind != DatabaseFile.Kind.MARKED) {
      Migrations.mark(handle, location);
    }
    String mode = SqliteJournal.switchToWal(handle);
    if (!"wal".equalsIgnoreCase(mode)) {
      throw new VisException(ExitCode.USAGE, errors.noWal(mode));
    }
    Migrations.apply(handle, location);
  }
}
