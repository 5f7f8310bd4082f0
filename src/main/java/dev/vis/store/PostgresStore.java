package dev.vis.store;

import dev.vis.VisException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * The PostgreSQL store: a database shared by a team and by the workers of one run (SPEC §8). vis's
 * tables live in schema {@code vis}, created on first use; opened for reading, it neither creates
 * nor migrates them. Nothing is written to the working directory, and the password never appears in
 * a message.
 *
 * <p>Thread-safe: every operation takes its own connection, except {@link #write}, which keeps one
 * connection for the single writer thread.
 */
public final class PostgresStore extends JdbiStore implements SharedRuns {
  private final PostgresConnections connections;

  private PostgresStore(
      PostgresLocation location,
      Jdbi jdbi,
      PostgresConnections connections,
      Liveness liveness,
      Clock clock) {
    super(location.display(), jdbi, new PostgresErrors(location)::translate, liveness, clock);
    this.connections = connections;
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

  @Override
  void writeOutcomes(Handle h, List<TaskOutcome> outcomes, Instant now) {
    List<TaskOutcome> first = LeaseWrites.firstAnswersOnly(h, outcomes);
    OutcomeWrites.write(h, first, now, AnswerIds::fromSequence);
    LeaseWrites.tieAnswers(h, first);
  }

  /** Takes the run under a row lock, so two processes that claim at once never both win. */
  @Override
  void lockForClaim(Handle h, String runId) {
    h.createQuery("SELECT id FROM runs WHERE id = ? FOR UPDATE")
        .bind(0, runId)
        .mapTo(String.class)
        .findOne();
  }

  @Override
  int schema(Handle h) {
    return PostgresSchema.coreVersion(h);
  }

  /** Streams inside a transaction, where the driver reads through a cursor. */
  @Override
  void stream(HandleConsumer<RuntimeException> read) {
    guardedRun(() -> jdbi().useTransaction(read));
  }

  @Override
  public boolean createOrJoin(NewRun run) {
    return guarded(
        () ->
            jdbi()
                .inTransaction(
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
                                + location()
                                + " was started from another spec; workers of one run share one"
                                + " spec: give this one another --run-id");
                      }
                      WorkerWrites.reopen(h, run.id());
                      return false;
                    }));
  }

  @Override
  public List<PendingTask> lease(String runId, String worker, int max, Duration lease) {
    return guarded(
        () -> jdbi().inTransaction(h -> LeaseWrites.lease(h, runId, worker, max, lease)));
  }

  @Override
  public void renew(String worker, Duration lease) {
    guardedRun(() -> jdbi().useHandle(h -> LeaseWrites.renew(h, worker, lease)));
  }

  @Override
  public void release(String worker) {
    guardedRun(() -> jdbi().useHandle(h -> LeaseWrites.release(h, worker)));
  }

  @Override
  public long pendingElsewhere(String runId, String worker) {
    return guarded(() -> jdbi().withHandle(h -> LeaseWrites.pendingElsewhere(h, runId, worker)));
  }

  @Override
  public WorkerBeat beat(String runId, String worker, int applied, Duration lease) {
    return guarded(
        () -> jdbi().withHandle(h -> WorkerWrites.beat(h, runId, worker, applied, lease)));
  }

  @Override
  public Reservation reserve(
      String runId, String worker, double usd, double capUsd, Duration lease) {
    return guarded(
        () ->
            jdbi().inTransaction(h -> WorkerWrites.reserve(h, runId, worker, usd, capUsd, lease)));
  }

  @Override
  public void settle(String runId, String worker, double reservedUsd, double spentUsd) {
    guardedRun(
        () -> jdbi().useHandle(h -> WorkerWrites.settle(h, runId, worker, reservedUsd, spentUsd)));
  }

  @Override
  public boolean leave(
      String runId,
      String worker,
      RunStatus whenDone,
      Optional<RunStatus> whenStopped,
      Duration lease,
      Instant now) {
    return guarded(
        () ->
            jdbi()
                .inTransaction(
                    h -> WorkerWrites.leave(h, runId, worker, whenDone, whenStopped, lease, now)));
  }

  @Override
  public void close() {
    super.close();
    connections.close();
  }
}
