package dev.vis.store;

import dev.vis.VisException;
import dev.vis.analysis.ScoredAnswer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The SQLite store: one file, WAL journal, foreign keys on every connection, writes in {@code BEGIN
 * IMMEDIATE} transactions; opened for reading, it neither migrates nor writes. Its SQL lives in the
 * query and write classes; this class holds connections and turns SQLite's errors into messages.
 *
 * <p>Thread-safe: every operation takes its own connection, except {@link #write}, which keeps one
 * connection for the single writer thread.
 */
public final class SqliteStore implements Store {
  private final String location;
  private final Jdbi jdbi;
  private final SqliteErrors errors;
  private final RunQueries runs;
  private final Clock clock;
  private final Object writerLock = new Object(); // guards writerHandle
  private Handle writerHandle;

  private SqliteStore(String location, SqliteOpener.Opened opened, Liveness liveness, Clock clock) {
    this.location = location;
    this.jdbi = opened.jdbi();
    this.errors = opened.errors();
    this.runs = new RunQueries(liveness);
    this.clock = clock;
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

  private <T> T guarded(Supplier<T> action) {
    try {
      return action.get();
    } catch (VisException e) {
      throw e;
    } catch (JdbiException e) {
      throw errors.translate(e);
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
    return RunReferences.resolve(runs(), reference, location);
  }

  @Override
  public Optional<RunSummary> findRun(String id) {
    return guarded(() -> jdbi.withHandle(h -> runs.find(h, id)));
  }

  @Override
  public Optional<RunSummary> newestUnfinished(String name) {
    return RunReferences.newestUnfinished(runs(), name);
  }

  @Override
  public List<RunSummary> runs() {
    return guarded(() -> jdbi.withHandle(runs::all));
  }

  @Override
  public StoredRun storedRun(String runId) {
    return guarded(
        () -> jdbi.withHandle(h -> StoredRunReader.read(h, runs.find(h, runId).orElseThrow())));
  }

  @Override
  public List<PendingTask> unfinishedTasks(String runId) {
    return guarded(() -> jdbi.withHandle(h -> RunQueries.unfinishedTasks(h, runId)));
  }

  @Override
  public void claim(String runId, Owner owner, Instant now) {
    guardedRun(
        () ->
            jdbi.useTransaction(
                h -> {
                  RunSummary run =
                      runs.find(h, runId)
                          .orElseThrow(
                              () -> VisException.usage("no run " + runId + " in " + location));
                  Liveness.refuseLiveOwner(run, owner);
                  RunStateWrites.claim(h, runId, owner, now);
                }));
  }

  @Override
  public void heartbeat(String runId, Instant now) {
    guardedRun(() -> jdbi.useHandle(h -> RunStateWrites.heartbeat(h, runId, now)));
  }

  @Override
  public void replaceMaxUsd(String runId, BigDecimal maxUsd) {
    guardedRun(() -> jdbi.useHandle(h -> RunStateWrites.replaceMaxUsd(h, runId, maxUsd)));
  }

  /** Ends the run, then folds the write-ahead log into the file: the command's writes are over. */
  @Override
  public void finish(String runId, RunStatus status, Instant now) {
    guardedRun(() -> jdbi.useHandle(h -> RunStateWrites.finish(h, runId, status, now)));
    checkpoint();
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
            writerHandle.useTransaction(h -> OutcomeWrites.write(h, outcomes, clock.instant()));
          });
    }
  }

  @Override
  public List<ScoredAnswer> scoredAnswers(String runId) {
    return guarded(() -> jdbi.withHandle(h -> AnswerReads.scored(h, runId)));
  }

  @Override
  public List<ServedModel> servedModels(String runId) {
    return guarded(() -> jdbi.withHandle(h -> AnswerReads.servedModels(h, runId)));
  }

  @Override
  public void forEachAnswer(String runId, Consumer<StoredAnswer> consumer) {
    guardedRun(() -> jdbi.useHandle(h -> AnswerReads.forEachAnswer(h, runId, consumer)));
  }

  @Override
  public void export(String runId, ExportTable table, Consumer<List<Object>> row) {
    guardedRun(() -> jdbi.useHandle(h -> ExportQueries.stream(h, runId, table, row)));
  }

  /** Deletes, then folds the write-ahead log into the file: the command's writes are over. */
  @Override
  public int delete(List<String> runIds) {
    int deleted = guarded(() -> jdbi.inTransaction(h -> RunWrites.delete(h, runIds)));
    checkpoint();
    return deleted;
  }

  /** Folds the write-ahead log into the database file so the one file is complete. */
  void checkpoint() {
    guardedRun(() -> jdbi.useHandle(SqliteJournal::checkpoint));
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
