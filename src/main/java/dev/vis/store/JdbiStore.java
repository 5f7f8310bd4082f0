package dev.vis.store;

import dev.vis.VisException;
import dev.vis.analysis.ScoredAnswer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * What the SQLite and PostgreSQL stores share: the {@link Store} operations over Jdbi, with every
 * driver error turned into the store's own message.
 *
 * <p>Thread-safe: every operation takes its own connection, except {@link #write}, which keeps one
 * connection for the single writer thread.
 */
abstract class JdbiStore implements Store {
  private final String location;
  private final Jdbi jdbi;
  private final Function<Exception, VisException> errors;
  private final RunQueries runs;
  private final Clock clock;
  private final Object writerLock = new Object(); // guards writerHandle
  private Handle writerHandle;

  /**
   * @param location the database as messages name it
   * @param errors turns a driver error into the message for it
   */
  JdbiStore(
      String location,
      Jdbi jdbi,
      Function<Exception, VisException> errors,
      Liveness liveness,
      Clock clock) {
    this.location = location;
    this.jdbi = jdbi;
    this.errors = errors;
    this.runs = new RunQueries(liveness);
    this.clock = clock;
  }

  /** Writes the outcomes inside the writer's transaction. */
  abstract void writeOutcomes(Handle h, List<TaskOutcome> outcomes, Instant now);

  /** Holds the run against other claims until the claim's transaction ends. */
  abstract void lockForClaim(Handle h, String runId);

  /** The version of the schema steps shared by both stores that the database has taken. */
  abstract int schema(Handle h);

  /** Runs a read that streams its rows to a consumer. */
  void stream(HandleConsumer<RuntimeException> read) {
    guardedRun(() -> jdbi.useHandle(read));
  }

  @Override
  public final String location() {
    return location;
  }

  final Jdbi jdbi() {
    return jdbi;
  }

  final <T> T guarded(Supplier<T> action) {
    try {
      return action.get();
    } catch (VisException e) {
      throw e;
    } catch (JdbiException e) {
      throw errors.apply(e);
    }
  }

  final void guardedRun(Runnable action) {
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
    return guarded(
        () ->
            jdbi.withHandle(
                h -> {
                  String id = RunReferences.resolve(runs.heads(h), reference, location).id();
                  // deleted by another process in between: as if it had never been there
                  return runs.find(h, id)
                      .orElseThrow(() -> VisException.usage("no run " + id + " in " + location));
                }));
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
  public StoredRun storedRun(RunSummary run) {
    return guarded(() -> jdbi.withHandle(h -> StoredRunReader.read(h, run)));
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
                  lockForClaim(h, runId);
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

  @Override
  public void finish(String runId, RunStatus status, Instant now) {
    guardedRun(() -> jdbi.useHandle(h -> RunStateWrites.finish(h, runId, status, now)));
  }

  @Override
  public void write(List<TaskOutcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    inWriterTransaction(h -> writeOutcomes(h, outcomes, clock.instant()));
  }

  @Override
  public void writeFirstAnalyses(List<TaskOutcome.Analysed> analyses) {
    if (!analyses.isEmpty()) {
      inWriterTransaction(h -> AnalysisRows.insert(h, analyses));
    }
  }

  /** Runs a write in one transaction on the writer's own connection, opened on first use. */
  private void inWriterTransaction(HandleConsumer<RuntimeException> write) {
    synchronized (writerLock) {
      guardedRun(
          () -> {
            if (writerHandle == null) {
              writerHandle = jdbi.open();
            }
            writerHandle.useTransaction(write);
          });
    }
  }

  @Override
  public void saveResults(String runId, RunResults results) {
    guardedRun(
        () -> jdbi.useTransaction(h -> RunResultsRows.write(h, runId, results, clock.instant())));
  }

  @Override
  public Optional<RunResults> results(RunSummary run) {
    return guarded(() -> jdbi.withHandle(h -> RunResultsRows.read(h, run, schema(h))));
  }

  @Override
  public void forEachScoredAnswer(String runId, Consumer<ScoredAnswer> consumer) {
    stream(h -> AnswerReads.forEachScored(h, runId, consumer));
  }

  @Override
  public List<ServedModel> servedModels(String runId) {
    return guarded(() -> jdbi.withHandle(h -> AnswerReads.servedModels(h, runId)));
  }

  @Override
  public TaskIdMap replayTaskIds(String replayRunId) {
    return guarded(() -> jdbi.withHandle(h -> TaskIdMap.read(h, replayRunId)));
  }

  @Override
  public void forEachAnswer(String runId, Consumer<StoredAnswer> consumer) {
    stream(h -> AnswerReads.forEachAnswer(h, runId, consumer));
  }

  @Override
  public void forEachText(String runId, Consumer<String> consumer) {
    stream(h -> AnswerReads.forEachText(h, runId, consumer));
  }

  @Override
  public void export(String runId, ExportTable table, Consumer<List<Object>> row) {
    stream(h -> ExportQueries.stream(h, runId, table, row));
  }

  @Override
  public void forEachRecordedTask(String runId, Consumer<RecordedTask> consumer) {
    stream(h -> RecordedTaskReads.forEach(h, runId, consumer));
  }

  @Override
  public boolean importRun(ImportedRun run) {
    return guarded(
        () ->
            jdbi.inTransaction(
                h ->
                    RunImports.importRun(
                        h, run, (w, outcomes) -> writeOutcomes(w, outcomes, Instant.EPOCH))));
  }

  @Override
  public int delete(List<String> runIds) {
    return guarded(() -> jdbi.inTransaction(h -> RunWrites.delete(h, runIds)));
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
