package dev.vis.engine;

import dev.vis.VisException;
import dev.vis.store.NewRun;
import dev.vis.store.RunStatus;
import dev.vis.store.RunSummary;
import dev.vis.store.SharedRuns;
import dev.vis.store.Store;
import dev.vis.store.StoredRun;
import dev.vis.store.Ulid;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One process's share of a run that several work together (SPEC §8, {@code vis run SPEC --run-id
 * ID}): creates the run or joins it, calls the tasks it leases while a companion thread beats (its
 * {@link WorkerShare} of the limits) and renews the leases, gives back what it did not call, and on
 * leaving ends the run when no task is left, or when it is the last worker out.
 */
final class RunWorker {
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-]{4,64}");
  private static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

  private final Store store;
  private final SharedRuns shared;
  private final RunEngine engine;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration lease;
  private final String worker;
  private volatile LeasedTasks current;
  private String runId;

  /**
   * @param env {@code VIS_LEASE_SECONDS}: how long a task leased to a dead worker waits for it
   * @throws VisException (exit 2) when the store cannot share a run (SQLite), or the lease setting
   *     is not a positive number
   */
  RunWorker(Store store, RunEngine engine, Map<String, String> env, Clock clock, Sleeper sleeper) {
    if (!(store instanceof SharedRuns s)) {
      throw VisException.usage(
          "--run-id needs a database that several processes share: give --db"
              + " postgresql://USER@HOST:PORT/DB (an SQLite file is worked by one process at a"
              + " time)");
    }
    this.store = store;
    this.shared = s;
    this.engine = engine;
    this.clock = clock;
    this.sleeper = sleeper;
    this.lease = lease(env);
    this.worker = Ulid.next(clock.instant());
  }

  /** Checks a {@code --run-id} value. */
  static void checkRunId(String id) {
    if (!RUN_ID.matcher(id).matches()) {
      throw VisException.usage(
          "--run-id "
              + id
              + ": a run id is 4 to 64 letters, digits, '-' or '_' (a Job's name works)");
    }
  }

  private static Duration lease(Map<String, String> env) {
    String value = env.get("VIS_LEASE_SECONDS");
    if (value == null || value.isBlank()) {
      return DEFAULT_LEASE;
    }
    try {
      double seconds = Double.parseDouble(value.strip());
      if (seconds > 0 && seconds <= 86_400) {
        return Duration.ofMillis(Math.round(seconds * 1000));
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw VisException.usage(
        "VIS_LEASE_SECONDS=" + value + ": give a number of seconds above 0 (default 60)");
  }

  /** Takes no more tasks; the engine drains or cancels the calls in flight. */
  void interrupt() {
    LeasedTasks tasks = current;
    if (tasks != null) {
      tasks.stop();
    }
  }

  /**
   * Works this process's share of the run.
   *
   * @return this process's outcome; the run is ended when this process found no task left
   */
  RunOutcome work(NewRun run, int concurrency, RunEngine.Progress progress) {
    shared.createOrJoin(run);
    RunSummary summary = store.findRun(run.id()).orElseThrow();
    if (summary.sourceRunId().isPresent()) {
      throw VisException.usage("run " + run.id() + " is a replay: it has nothing to call");
    }
    StoredRun stored = store.storedRun(run.id());
    runId = run.id();
    WorkerSeat seat = new WorkerSeat(shared, run.id(), worker, lease);
    LeasedTasks tasks = new LeasedTasks(seat, concurrency, sleeper);
    current = tasks;
    WorkerShare share = new WorkerShare(seat, tasks);
    if (summary.pending() > 0) {
      try {
        share.join(sleeper);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        tasks.stop();
      }
    }
    // a platform thread: on a busy machine, virtual threads doing the calls must not delay it
    Thread beater =
        Thread.ofPlatform().name("vis-lease").daemon().start(() -> beatUntilInterrupted(share));
    try {
      return engine.execute(stored, tasks, summary.pending(), concurrency, progress, share);
    } finally {
      beater.interrupt();
      Uninterruptibly.join(beater);
      current = null;
      shared.release(worker);
    }
  }

  /**
   * Takes this worker out of the run, ending the run with {@code whenDone} if no task is pending,
   * or with {@code whenStopped} if tasks are pending and no other worker is live to call them.
   *
   * @return whether this worker ended the run
   */
  boolean leave(RunStatus whenDone, Optional<RunStatus> whenStopped) {
    return runId != null
        && shared.leave(runId, worker, whenDone, whenStopped, lease, clock.instant());
  }

  private void beatUntilInterrupted(WorkerShare share) {
    Duration every = share.every();
    // four chances per lease: a renewal delayed by a slow moment still lands in time
    long beatsPerRenewal = Math.max(1, lease.dividedBy(4).dividedBy(every));
    for (long beat = 1; ; beat++) {
      try {
        sleeper.sleep(every);
      } catch (InterruptedException e) {
        return;
      }
      share.beatQuietly();
      if (beat % beatsPerRenewal == 0) {
        try {
          shared.renew(worker, lease);
        } catch (VisException e) {
          // the database is away for a moment: the next renewal tries again, well before the
          // lease lapses; a longer outage surfaces where answers are written
        }
      }
    }
  }
}
