package dev.vis.store;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store's one-time set-up, done ahead on a spare core while the command line is still being
 * read: SQLite's native library, the driver's date format (the JDK's calendar and locale data),
 * Jdbi's configuration and SQL lexer, the JSON columns' mapper. Each is initialised once per
 * process, so the command's own first connection and statements find them ready instead of paying
 * for them on its path (a one-call run and a small report spent about a third of their time between
 * {@code main} and their first statement there). It touches no file: its one connection is to an
 * in-memory database.
 */
public final class StoreWarmUp {
  private StoreWarmUp() {}

  /**
   * Runs the set-up; a failure is left for the command's own first use to meet and report, with its
   * message.
   */
  public static void run() {
    try {
      SqliteNativeLibrary.prepare();
      SQLiteDataSource source = new SQLiteDataSource(new SQLiteConfig());
      source.setUrl("jdbc:sqlite::memory:");
      Jdbi.create(source)
          .useHandle(h -> h.createQuery("SELECT :one").bind("one", 1).mapTo(Integer.class).one());
      JsonColumns.strings(JsonColumns.write(List.of("")));
      JsonColumns.stringMap("{}");
    } catch (RuntimeException | LinkageError e) {
      // the command opens its store itself and says what is wrong there
    }
  }
}
