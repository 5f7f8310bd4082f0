package dev.vis.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
   * Ends a run that has no pending task left, unless it ended already; see {@link Store#finish}.
   */
  boolean finishIfNoneLeft(String runId, RunStatus status, Instant now);
}
