package dev.vis.store;

import dev.vis.VisException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The SQLite store: one file, WAL journal, foreign keys on every connection, writes in {@code BEGIN
 * IMMEDIATE} transactions; opened for reading, it neither migrates nor writes. Its SQL lives in the
 * query and write classes; this class holds connections and turns SQLite's errors into messages.
 *
 * <p>Thread-safe: every operation takes its own connection, except {@link #write}, which keeps one
 * connection for the single writer thread.
 */
public final class SqliteStore extends JdbiStore {
  private SqliteStore(String location, SqliteOpener.Opened opened, Liveness liveness, Clock clock) {
    super(location, opened.jdbi(), opened.errors()::translate, liveness, clock);
  }

  /**
   * Opens the database at {@code path} after making sure it is a vis database (or a new or empty
   * file, for {@link Access#CREATE}): another program's file is refused before SQLite writes to it.
   *
   * @param env the environment: {@code VIS_DB_BUSY_TIMEOUT_MS} (how long a write waits for another
   *     process's) and {@code HOSTNAME} (whose processes this one can see)
   * @throws VisException (exit 2) when the file is missing or empty and may not be created, is not
   *     a vis database, was written by a newer vis (or, for reading, an older one), or is locked
   */
  public static SqliteStore open(Path path, Access access, Clock clock, Map<String, String> env) {
    return open(path, access, clock, env, SqliteConnections.Settings.from(env));
  }

  static SqliteStore open(
      Path path,
      Access access,
      Clock clock,
      Map<String, String> env,
      SqliteConnections.Settings settings) {
    String location = path.toString();
    SqliteOpener.Opened opened = SqliteOpener.open(path, location, access, settings);
    return new SqliteStore(location, opened, new Liveness(clock, Owner.hostName(env)), clock);
  }

  @Override
  void writeOutcomes(Handle h, List<TaskOutcome> outcomes, Instant now) {
    OutcomeWrites.write(h, outcomes, now, AnswerIds::afterLargest);
  }

  /** Nothing to take: the claim's transaction begins IMMEDIATE, which already shuts out writers. */
  @Override
  void lockForClaim(Handle h, String runId) {}

  @Override
  int schema(Handle h) {
    return Migrations.version(h);
  }

  /** Ends the run, then folds the write-ahead log into the file: the command's writes are over. */
  @Override
  public void finish(String runId, RunStatus status, Instant now) {
    super.finish(runId, status, now);
    checkpoint();
  }

  /**
   * Copies the run in, then folds the write-ahead log into the file: the command's writes are over.
   */
  @Override
  public boolean importRun(ImportedRun run) {
    boolean imported = super.importRun(run);
    checkpoint();
    return imported;
  }

  /** Deletes, then folds the write-ahead log into the file: the command's writes are over. */
  @Override
  public int delete(List<String> runIds) {
    int deleted = super.delete(runIds);
    checkpoint();
    return deleted;
  }

  /** Folds the write-ahead log into the database file so the one file is complete. */
  void checkpoint() {
    guardedRun(() -> jdbi().useHandle(SqliteJournal::checkpoint));
  }
}
