package dev.vis.store;

import dev.vis.VisException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * Tells what lies at a database path before vis opens it for real: nothing, an empty file, a vis
 * database, or a file vis must leave alone. Looking changes no byte of the file and creates none
 * beside it.
 */
final class DatabaseFile {
  /**
   * vis's mark in the SQLite header ({@code PRAGMA application_id}): the ASCII of {@code visd}. It
   * names the file format and never changes; the schema version is {@code PRAGMA user_version}.
   */
  static final int APPLICATION_ID = 0x76697364;

  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = 100;
  private static final int APPLICATION_ID_OFFSET = 68;
  private static final String LEAVE_IT =
      "; vis leaves it as it is: point --db (or VIS_DB) at a vis database, or at a new path";

  /** What the path holds. */
  enum Kind {
    /** No file. */
    MISSING,
    /** A file of 0 bytes: holds no data, so vis may make it a database. */
    EMPTY,
    /** A vis database with vis's mark. */
    MARKED,
    /** A vis database from before the mark, recognised by its tables. */
    UNMARKED
  }

  private DatabaseFile() {}

  /**
   * Looks at the file.
   *
   * @param location the path as the user named it, for messages
   * @param errors what SQLite's errors other than "not a database" say, should looking meet one
   * @throws VisException (exit 2) when the path is a directory, cannot be read, or holds a file
   *     that is not a vis database
   */
  static Kind inspect(Path file, String location, SqliteErrors errors) {
    if (Files.isDirectory(file)) {
      throw VisException.usage(location + ": is a directory, not a database file");
    }
    if (!Files.exists(file)) {
      return Kind.MISSING;
    }
    byte[] header = new byte[HEADER];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(header, 0, HEADER);
    } catch (IOException e) {
      throw VisException.usage(
          location + ": cannot read the file (" + e.getMessage() + "); check its permissions");
    }
    if (read == 0) {
      return Kind.EMPTY;
    }
    if (read < HEADER || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw notVis(location, "it is not an SQLite file");
    }
    int mark = ByteBuffer.wrap(header, APPLICATION_ID_OFFSET, 4).getInt();
    if (mark == APPLICATION_ID) {
      return Kind.MARKED;
    }
    if (mark != 0) {
      throw notVis(location, otherProgram(mark));
    }
    return look(file, location, errors);
  }

  /**
   * Opens the file read-only to read what the header alone cannot tell: the mark may still sit in
   * the write-ahead log, and an unmarked vis database is recognised by its tables. Without a -wal
   * file the main file is complete, and SQLite is told it is immutable so it creates no -shm. Only
   * SQLite's "not a database" and "corrupt" result codes say the file is not vis's: a locked or
   * unreadable file is told as such.
   */
  private static Kind look(Path file, String location, SqliteErrors errors) {
    boolean wal = Files.exists(Path.of(file + "-wal"));
    SqliteNativeLibrary.prepare();
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, errors.busyTimeout().toMillis()));
    String url = "jdbc:sqlite:" + file.toUri() + (wal ? "?mode=ro" : "?mode=ro&immutable=1");
    try (Connection c = config.createConnection(url);
        Statement s = c.createStatement()) {
      int mark = intPragma(s, "application_id");
      if (mark == APPLICATION_ID) {
        return Kind.MARKED;
      }
      if (mark != 0) {
        throw notVis(location, otherProgram(mark));
      }
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                  + " ORDER BY name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      if (tables.isEmpty()) {
        throw notVis(location, "it is an SQLite database with no tables");
      }
      if (!tables.containsAll(SchemaSteps.TABLES) || intPragma(s, "user_version") < 1) {
        throw notVis(
            location,
            "it is an SQLite database with other tables than vis's: "
                + String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                + (tables.size() > 5 ? "…" : ""));
      }
      return Kind.UNMARKED;
    } catch (SQLException e) {
      int code = SqliteErrors.primaryCode(e);
      if (code == SQLiteErrorCode.SQLITE_NOTADB.code
          || code == SQLiteErrorCode.SQLITE_CORRUPT.code) {
        throw notVis(location, "SQLite cannot read it: " + e.getMessage());
      }
      throw errors.translate(e);
    }
  }

  private static int intPragma(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static String otherProgram(int mark) {
    return String.format(
        Locale.ROOT, "it is another program's SQLite database (application_id 0x%08x)", mark);
  }

  private static VisException notVis(String location, String why) {
    return VisException.usage(location + ": not a vis database (" + why + ")" + LEAVE_IT);
  }
}
