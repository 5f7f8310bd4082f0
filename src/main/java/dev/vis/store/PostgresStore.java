package dev.vis.store;

import dev.vis.VisException;
import dev.vis.analysis.ScoredAnswer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The PostgreSQL store: a database shared by a team and by the workers of one run (SPEC §8). vis's
 * tables live in schema {@code vis}, created on first use; opened for reading, it neither creates
 * nor migrates them. Nothing is written to the working directory, and the password never appears in
 * a message.
 *
 * <p>Thread-safe: every operation takes its own connection, except {@link #write}, which keeps one
 * connection for the single writer thread.
 */
public final class PostgresStore implements Store, SharedRuns {
  private final PostgresLocation location;
  private final Jdbi jdbi;
  private final PostgresConnections connections;
  private final PostgresErrors errors;
  private final RunQueries runs;
  private final Clock clock;
  private final Object writerLock = new Object(); // guards writerHandle
  private Handle writerHandle;

  private PostgresStore(
      PostgresLocation location,
      Jdbi jdbi,
      PostgresConnections connections,
      Liveness liveness,
      Clock clock) {
    this.location = location;
    this.jdbi = jdbi;
    this.connections = connections;
    this.errors = new PostgresErrors(location);
    this.runs = new RunQueries(liveness);
    this.clock = clock;
  }

  /**
   * Connects to the database and, for writing, creates or migrates vis's tables.
   *
   * @param env the environment: {@code HOSTNAME} (whose processes this one can see)
   * @throws VisException (exit 2) when the server refuses the login, the database is missing, holds
   *     no vis tables to read or update, or holds a schema from a newer vis; (exit 1) when the
   *     server cannot be reached
   */
  static PostgresStore open(
      PostgresLocation location, Access access, Clock clock, Map<String, String> env) {
    Properties properties = location.properties();
    properties.setProperty("currentSchema", PostgresSchema.SCHEMA);
    // a cursor, not the whole result, when exports and re-analyses stream inside a transaction
    properties.setProperty("defaultRowFetchSize", "500");
    properties.setProperty("ApplicationName", "vis");
    PostgresConnections connections = new PostgresConnections(location.jdbcUrl(), properties);
    Jdbi jdbi = Jdbi.create(connections);
    jdbi.registerArgument(new IntegerBooleans());
    PostgresStore store =
        new PostgresStore(
            location, jdbi, connections, new Liveness(clock, Owner.hostName(env)), clock);
    try {
      store.guardedRun(() -> jdbi.useHandle(h -> prepare(h, access, location.display())));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  private static void prepare(Handle h, Access access, String location) {
    if (access == Access.READ) {
      PostgresSchema.checkReadable(h, location);
      return;
    }
    if (access == Access.WRITE) {
      PostgresSchema.requireTables(h, location);
    }
    PostgresSchema.apply(h, location);
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
    return RunReferences.resolve(runs(), reference, location.display());
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

  /** Takes the run under a row lock, so two processes that claim at once never both win. */
  @Override
  public void claim(String runId, Owner owner, Instant now) {
    guardedRun(
        () ->
            jdbi.useTransaction(
                h -> {
                  h.createQuery("SELECT id FROM runs WHERE id = ? FOR UPDATE")
                      .bind(0, runId)
                      .mapTo(String.class)
                      .findOne();
                  RunSummary run =
                      runs.find(h, runId)
                          .orElseThrow(
                              () ->
                                  VisException.usage(
                                      "no run " + runId + " in " + location.display()));
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
    synchronized (writerLock) {
      guardedRun(
          () -> {
            if (writerHandle == null) {
              writerHandle = jdbi.open();
            }
            writerHandle.useTransaction(
                h -> {
                  List<TaskOutcome> first = LeaseWrites.firstAnswersOnly(h, outcomes);
                  OutcomeWrites.write(h, first, clock.instant());
                  LeaseWrites.tieAnswers(h, first);
                });
          });
    }
  }

  @Override
  public List<ScoredAnswer> scoredAnswers(String runId) {
    return guarded(() -> jdbi.withHandle(h -> AnswerReads.scored(h, runId)));
  }

  /** Streams inside a transaction, where the driver reads through a cursor. */
  @Override
  public void forEachAnswer(String runId, Consumer<StoredAnswer> consumer) {
    guardedRun(() -> jdbi.useTransaction(h -> AnswerReads.forEachAnswer(h, runId, consumer)));
  }

  /** Streams inside a transaction, where the driver reads through a cursor. */
  @Override
  public void export(String runId, ExportTable table, Consumer<List<Object>> row) {
    guardedRun(() -> jdbi.useTransaction(h -> ExportQueries.stream(h, runId, table, row)));
  }

  @Override
  public int delete(List<String> runIds) {
    return guarded(() -> jdbi.inTransaction(h -> RunWrites.delete(h, runIds)));
  }

  @Override
  public boolean createOrJoin(NewRun run) {
    return guarded(
        () ->
            jdbi.inTransaction(
                h -> {
                  // processes that start at the same moment with a new id queue here
                  h.createQuery("SELECT pg_advisory_xact_lock(hashtext(?))")
                      .bind(0, run.id())
                      .mapToMap()
                      .one();
                  Optional<String> sha =
                      h.createQuery("SELECT spec_sha256 FROM runs WHERE id = ?")
                          .bind(0, run.id())
                          .mapTo(String.class)
                          .findOne();
                  if (sha.isEmpty()) {
                    RunWrites.create(h, run);
                    return true;
                  }
                  if (!sha.get().equals(run.specSha256())) {
                    throw VisException.usage(
                        "run "
                            + run.id()
                            + " in "
                            + location.display()
                            + " was started from another spec; workers of one run share one"
                            + " spec: give this one another --run-id");
                  }
                  return false;
                }));
  }

  @Override
  public List<PendingTask> lease(String runId, String worker, int max, Duration lease) {
    return guarded(() -> jdbi.inTransaction(h -> LeaseWrites.lease(h, runId, worker, max, lease)));
  }

  @Override
  public void renew(String worker, Duration lease) {
    guardedRun(() -> jdbi.useHandle(h -> LeaseWrites.renew(h, worker, lease)));
  }

  @Override
  public void release(String worker) {
    guardedRun(() -> jdbi.useHandle(h -> LeaseWrites.release(h, worker)));
  }

  @Override
  public long pendingElsewhere(String runId, String worker) {
    return guarded(() -> jdbi.withHandle(h -> LeaseWrites.pendingElsewhere(h, runId, worker)));
  }

  @Override
  public boolean finishIfNoneLeft(String runId, RunStatus status, Instant now) {
    return guarded(() -> jdbi.withHandle(h -> LeaseWrites.finishIfNoneLeft(h, runId, status, now)));
  }

  @Override
  public void close() {
    synchronized (writerLock) {
      if (writerHandle != null) {
        writerHandle.close();
        writerHandle = null;
      }
    }
    connections.close();
  }
}
