package dev.vis.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store on which several processes work one run together (SPEC §8): they agree on the run by its
 * id, and each takes pending tasks under a lease that it renews while it works, so a task a dead
 * process held goes to another once its lease lapses. Only a shared database can do this: {@link
 * PostgresStore}.
 *
 * <p>Lease times are the database server's, so the workers' clocks need not agree.
 */
public interface SharedRuns {

  /**
   * Records the run unless a process already did; a run of another spec under the id is refused.
   *
   * @return whether this call created it
   * @throws dev.vis.VisException (exit 2) when the id names a run of another spec, or a replay
   */
  boolean createOrJoin(NewRun run);

  /**
   * Leases up to {@code max} pending tasks of the run that nobody holds (or whose lease lapsed), in
   * call order, skipping those another process is leasing at this moment.
   */
  List<PendingTask> lease(String runId, String worker, int max, Duration lease);

  /** Extends every lease the worker holds on a task that is still pending. */
  void renew(String worker, Duration lease);

  /** Gives back the worker's leases on tasks that are still pending (Ctrl-C, end of work). */
  void release(String worker);

  /**
   * How many of the run's pending tasks are not the worker's own live leases: tasks others hold, or
   * that anyone may take. While there are any, the worker is not done.
   */
  long pendingElsewhere(String runId, String worker);

  /**
   * Registers the worker or renews its heartbeat, recording the share it applies now.
   *
   * @param applied how many workers' share this worker keeps now (0 before its first beat)
   * @param lease a worker whose heartbeat is older than this counts as dead
   */
  WorkerBeat beat(String runId, String worker, int applied, Duration lease);

  /**
   * Reserves {@code usd} of the run's budget for one call, unless what all workers spent and hold
   * would then pass {@code capUsd}.
   */
  Reservation reserve(String runId, String worker, double usd, double capUsd, Duration lease);

  /**
   * Gives back a call's reservation and records what this worker has spent in all, so far (a
   * running total: an older, smaller figure arriving late changes nothing).
   */
  void settle(String runId, String worker, double reservedUsd, double spentUsd);

  /**
   * Takes the worker out of the run and ends the run when it can: {@code whenDone} if no task is
   * pending, else {@code whenStopped} if no other worker is live; see {@link Store#finish}.
   *
   * @return whether this call ended the run
   */
  boolean leave(
      String runId,
      String worker,
      RunStatus whenDone,
      Optional<RunStatus> whenStopped,
      Duration lease,
      Instant now);
}
