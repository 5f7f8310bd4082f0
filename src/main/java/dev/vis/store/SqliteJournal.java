package dev.vis.store;

import org.jdbi.v3.core.Handle;

/**
 * SQLite's write-ahead log: switched on when a writing command opens the file, folded back into it
 * when the command's writes end, so that the one file is complete (a CI job may keep only it).
 */
final class SqliteJournal {
  private SqliteJournal() {}

  /**
   * Asks for WAL mode and returns the journal mode SQLite kept ({@code wal} unless it could not).
   */
  static String switchToWal(Handle h) {
    return h.createQuery("PRAGMA journal_mode = WAL").mapTo(String.class).one();
  }

  /** Copies the log into the database file and empties it. */
  static void checkpoint(Handle h) {
    h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list();
  }
}
