package dev.vis.store;

import dev.vis.ExitCode;
import dev.vis.VisException;
import dev.vis.analysis.ScoredAnswer;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * The SQLite store: one file, WAL journal, foreign keys on every connection, writes in {@code BEGIN
 * IMMEDIATE} transactions.
 *
 * <p>Thread-safe: every operation takes its own connection, except {@link #write}, which keeps one
 * connection for the single writer thread.
 */
public final class SqliteStore implements Store {
  private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  /** How long a write waits for another process's write to end, unless told otherwise. */
  public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(15);

  private final Path path;
  private final Duration busyTimeout;
  private final Jdbi jdbi;
  private final RunQueries runs;
  private final Object writerLock = new Object(); // guards writerHandle
  private Handle writerHandle;

  private SqliteStore(Path path, Jdbi jdbi, Clock clock, Duration busyTimeout) {
    this.path = path;
    this.busyTimeout = busyTimeout;
    this.jdbi = jdbi;
    this.runs = new RunQueries(jdbi, clock, Owner.current().host(), path.toString());
  }

  /**
   * Opens the database, creating it (owner-only) when {@code create} is true.
   *
   * @throws VisException (exit 2) when the file is missing and may not be created, is not a vis
   *     database, was written by a newer vis, or is locked
   */
  public static SqliteStore open(Path path, boolean create, Clock clock) {
    return open(path, create, clock, DEFAULT_BUSY_TIMEOUT);
  }

  /**
   * Opens the database as {@link #open(Path, boolean, Clock)} does, waiting up to {@code
   * busyTimeout} for another process's write before giving up with a message.
   */
  public static SqliteStore open(Path path, boolean create, Clock clock, Duration busyTimeout) {
    Path file = path.toAbsolutePath().normalize();
    if (Files.isDirectory(file)) {
      throw VisException.usage(path + ": is a directory, not a database file");
    }
    if (!Files.exists(file)) {
      if (!create) {
        throw VisException.usage(
            "no database at "
                + path
                + " (run `vis run SPEC` first, or point --db / VIS_DB at one)");
      }
      createOwnerOnly(file, path);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.resetOpenMode(SQLiteOpenMode.CREATE);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file);
    Jdbi jdbi = Jdbi.create(dataSource);
    SqliteStore store = new SqliteStore(path, jdbi, clock, busyTimeout);
    store.prepare();
    return store;
  }

  private static void createOwnerOnly(Path file, Path shown) {
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
      // another process created it first: fine, we open it
    } catch (IOException e) {
      throw VisException.usage("cannot create database " + shown + ": " + e.getMessage());
    }
  }

  private void prepare() {
    try (Handle handle = jdbi.open()) {
      String mode = handle.createQuery("PRAGMA journal_mode").mapTo(String.class).one();
      if (!"wal".equalsIgnoreCase(mode)) {
        throw new VisException(
            ExitCode.USAGE,
            path
                + ": SQLite could not switch to WAL mode (journal_mode is "
                + mode
                + "); WAL does not work on network file systems, so keep the database on a"
                + " local disk");
      }
      Migrations.apply(handle, path.toString());
    } catch (ConnectionException e) {
      throw translate(e);
    } catch (JdbiException e) {
      throw translate(e);
    }
  }

  /** Turns SQLite's errors into messages that name the file and the fix. */
  VisException translate(RuntimeException e) {
    String text = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
    if (text.contains("SQLITE_NOTADB") || text.contains("file is not a database")) {
      return VisException.usage(
          path + ": not a vis database (SQLite says: file is not a database)");
    }
    if (text.contains("SQLITE_BUSY") || text.contains("database is locked")) {
      return new VisException(
          ExitCode.FAILED,
          path
              + ": the database stayed locked by another process for "
              + seconds(busyTimeout)
              + "; nothing was lost: try again when that process is done (VIS_DB_BUSY_TIMEOUT_MS"
              + " waits longer)",
          e);
    }
    if (text.contains("SQLITE_READONLY") || text.contains("readonly")) {
      return new VisException(
          ExitCode.USAGE,
          path
              + ": the database is read-only here; vis needs to write the file and, beside it,"
              + " its -wal and -shm files (check the permissions of the file and its directory)",
          e);
    }
    if (text.contains("SQLITE_CANTOPEN") || text.contains("unable to open")) {
      return new VisException(
          ExitCode.USAGE,
          path
              + ": cannot open the database ("
              + text
              + "); vis needs to write the file and create its -wal and -shm files beside it"
              + " (check the permissions of the file and its directory)",
          e);
    }
    if (text.contains("SQLITE_IOERR") || text.contains("disk I/O")) {
      return new VisException(
          ExitCode.FAILED,
          path
              + ": SQLite I/O error ("
              + text
              + "); a network file system cannot hold a WAL database",
          e);
    }
    if (e instanceof VisException v) {
      return v;
    }
    return new VisException(ExitCode.FAILED, path + ": database error: " + text, e);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private <T> T guarded(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (VisException e) {
      throw e;
    } catch (JdbiException e) {
      throw translate(e);
    }
  }

  private void guardedRun(Runnable action) {
    guarded(
        () -> {
          action.run();
          return null;
        });
  }

  @Override
  public void createRun(NewRun run) {
    guardedRun(() -> jdbi.useTransaction(h -> RunWrites.create(h, run)));
  }

  @Override
  public RunSummary run(String reference) {
    return guarded(() -> runs.resolve(reference));
  }

  @Override
  public Optional<RunSummary> findRun(String id) {
    return guarded(() -> runs.find(id));
  }

  @Override
  public Optional<RunSummary> newestUnfinished(String name) {
    return guarded(() -> runs.newestUnfinished(name));
  }

  @Override
  public List<RunSummary> runs() {
    return guarded(runs::all);
  }

  @Override
  public StoredRun storedRun(String runId) {
    return guarded(
        () -> jdbi.withHandle(h -> StoredRunReader.read(h, runs.find(runId).orElseThrow())));
  }

  @Override
  public List<PendingTask> unfinishedTasks(String runId) {
    return guarded(
        () ->
            jdbi.withHandle(
                h ->
                    h.createQuery(
                            "SELECT id, seq, prompt_id, model_id, sample, attempts FROM tasks"
                                + " WHERE run_id = ? AND status <> 'ok' ORDER BY seq")
                        .bind(0, runId)
                        .map(
                            (rs, ctx) ->
                                new PendingTask(
                                    rs.getLong(1),
                                    rs.getInt(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getInt(5),
                                    rs.getInt(6)))
                        .list()));
  }

  @Override
  public void claim(String runId, Owner owner, Instant now) {
    guardedRun(() -> jdbi.useTransaction(h -> runs.claim(h, runId, owner, now)));
  }

  @Override
  public void heartbeat(String runId, Instant now) {
    guardedRun(
        () ->
            jdbi.useHandle(
                h ->
                    h.createUpdate("UPDATE runs SET heartbeat_at = ? WHERE id = ?")
                        .bind(0, Timestamps.format(now))
                        .bind(1, runId)
                        .execute()));
  }

  @Override
  public void replaceMaxUsd(String runId, java.math.BigDecimal maxUsd) {
    guardedRun(
        () ->
            jdbi.useHandle(
                h ->
                    h.createUpdate("UPDATE runs SET max_usd = ? WHERE id = ?")
                        .bind(0, maxUsd.toPlainString())
                        .bind(1, runId)
                        .execute()));
  }

  @Override
  public void finish(String runId, RunStatus status, Instant now) {
    guardedRun(
        () ->
            jdbi.useHandle(
                h ->
                    h.createUpdate(
                            "UPDATE runs SET status = ?, finished_at = ?, heartbeat_at = ? WHERE id = ?")
                        .bind(0, status.label())
                        .bind(1, Timestamps.format(now))
                        .bind(2, Timestamps.format(now))
                        .bind(3, runId)
                        .execute()));
  }

  @Override
  public void write(List<TaskOutcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    synchronized (writerLock) {
      guardedRun(
          () -> {
            if (writerHandle == null) {
              writerHandle = jdbi.open();
            }
            writerHandle.useTransaction(h -> OutcomeWrites.write(h, outcomes));
          });
    }
  }

  @Override
  public List<ScoredAnswer> scoredAnswers(String runId) {
    return guarded(() -> jdbi.withHandle(h -> AnswerReads.scored(h, runId)));
  }

  @Override
  public void forEachAnswer(String runId, Consumer<StoredAnswer> consumer) {
    guardedRun(() -> jdbi.useHandle(h -> AnswerReads.forEachAnswer(h, runId, consumer)));
  }

  @Override
  public void export(String runId, ExportTable table, Consumer<List<Object>> row) {
    guardedRun(() -> jdbi.useHandle(h -> ExportQueries.stream(h, runId, table, row)));
  }

  @Override
  public int delete(List<String> runIds) {
    return guarded(() -> jdbi.inTransaction(h -> RunWrites.delete(h, runIds)));
  }

  @Override
  public List<String> runsOlderThan(Instant cutoff) {
    return guarded(
        () ->
            jdbi.withHandle(
                h ->
                    h.createQuery(
                            "SELECT id FROM runs WHERE created_at < ? AND status <> 'running'"
                                + " ORDER BY created_at")
                        .bind(0, Timestamps.format(cutoff))
                        .mapTo(String.class)
                        .list()));
  }

  @Override
  public void checkpoint() {
    guardedRun(
        () ->
            jdbi.useHandle(
                h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list()));
  }

  @Override
  public void close() {
    synchronized (writerLock) {
      if (writerHandle != null) {
        writerHandle.close();
        writerHandle = null;
      }
    }
  }
}
