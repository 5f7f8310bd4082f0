package dev.vis.store;

import dev.vis.ExitCode;
import dev.vis.VisException;
import dev.vis.analysis.ScoredAnswer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The SQLite store: one file, WAL journal, foreign keys on every connection, writes in {@code BEGIN
 * IMMEDIATE} transactions; opened for reading, it neither migrates nor writes.
 *
 * <p>Thread-safe: every operation takes its own connection, except {@link #write}, which keeps one
 * connection for the single writer thread.
 */
public final class SqliteStore implements Store {
  /** How long a write waits for another process's write to end, unless told otherwise. */
  public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(15);

  private final Jdbi jdbi;
  private final RunQueries runs;
  private final SqliteErrors errors;
  private final Object writerLock = new Object(); // guards writerHandle
  private Handle writerHandle;

  private SqliteStore(String location, Jdbi jdbi, Clock clock, SqliteErrors errors) {
    this.jdbi = jdbi;
    this.errors = errors;
    this.runs = new RunQueries(jdbi, clock, Owner.current().host(), location);
  }

  /**
   * Opens the database at {@code path} after making sure it is a vis database (or a new or empty
   * file, for {@link Access#CREATE}): another program's file is refused before SQLite writes to it.
   *
   * @param busyTimeout how long to wait for another process's write before giving up with a message
   * @throws VisException (exit 2) when the file is missing or empty and may not be created, is not
   *     a vis database, was written by a newer vis (or, for reading, an older one), or is locked
   */
  public static SqliteStore open(Path path, Access access, Clock clock, Duration busyTimeout) {
    return open(
        path, access, clock, new SqliteConnections.Settings(busyTimeout, MountTable.system(), 0));
  }

  static SqliteStore open(
      Path path, Access access, Clock clock, SqliteConnections.Settings settings) {
    Path file = path.toAbsolutePath().normalize();
    String location = path.toString();
    DatabaseFile.Kind kind = DatabaseFile.inspect(file, location);
    if (kind == DatabaseFile.Kind.MISSING && access == Access.CREATE) {
      SqliteConnections.createOwnerOnly(file, location);
      kind = DatabaseFile.inspect(file, location);
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
    SqliteErrors errors =
        new SqliteErrors(location, file, settings.busyTimeout(), settings.mounts());
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
    return new SqliteStore(location, jdbi, clock, errors);
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
    String mode = handle.createQuery("PRAGMA journal_mode = WAL").mapTo(String.class).one();
    if (!"wal".equalsIgnoreCase(mode)) {
      throw new VisException(ExitCode.USAGE, errors.noWal(mode));
    }
    Migrations.apply(handle, location);
  }

  /** Turns SQLite's errors into messages that name the file and the fix. */
  VisException translate(RuntimeException e) {
    return errors.translate(e);
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
