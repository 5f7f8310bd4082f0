package dev.vis.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL's SQL for what workers of one run hold together: a heartbeat each, from which every
 * worker counts the live ones to take its share of the rate limits, and the budget, reserved per
 * call and settled after. Times are the database server's.
 */
final class WorkerWrites {
  /** The workers of each run: heartbeat (NULL once left), share applied, and budget held. */
  static final String STEP =
      """
      CREATE TABLE workers (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        worker TEXT NOT NULL,
        heartbeat_at TIMESTAMPTZ,
        parts INTEGER NOT NULL DEFAULT 0,
        reserved_usd DOUBLE PRECISION NOT NULL DEFAULT 0,
        spent_usd DOUBLE PRECISION NOT NULL DEFAULT 0,
        PRIMARY KEY (run_id, worker));
      """;

  /** The first key of the advisory lock that queues a run's budget reservations. */
  private static final int BUDGET_LOCK = 0x76697362;

  private static final String LIVE = "heartbeat_at > now() - make_interval(secs => :lease)";

  private WorkerWrites() {}

  static WorkerBeat beat(Handle h, String runId, String worker, int applied, Duration lease) {
    h.createUpdate(
            """
            INSERT INTO workers (run_id, worker, heartbeat_at, parts) VALUES (:run, :worker, now(), :parts)
            ON CONFLICT (run_id, worker) DO UPDATE SET heartbeat_at = now(), parts = excluded.parts
            """)
        .bind("run", runId)
        .bind("worker", worker)
        .bind("parts", applied)
        .execute();
    return h.createQuery(
            "SELECT count(*), min(parts) FILTER (WHERE worker <> :worker) FROM workers"
                + " WHERE run_id = :run AND "
                + LIVE)
        .bind("run", runId)
        .bind("worker", worker)
        .bind("lease", seconds(lease))
        .map(
            (rs, ctx) -> {
              int live = rs.getInt(1);
              int others = rs.getInt(2);
              return new WorkerBeat(Math.max(1, live), rs.wasNull() ? Integer.MAX_VALUE : others);
            })
        .one();
  }

  static Reservation reserve(
      Handle h, String runId, String worker, double usd, double capUsd, Duration lease) {
    // one run's reservations queue here, so two never both take the last of the budget
    h.createQuery("SELECT pg_advisory_xact_lock(:key, hashtext(:run))")
        .bind("key", BUDGET_LOCK)
        .bind("run", runId)
        .mapToMap()
        .one();
    // a dead worker's reservations count as spent: its calls in flight may have been billed
    int granted =
        h.createUpdate(
                """
                UPDATE workers SET reserved_usd = reserved_usd + :usd
                WHERE run_id = :run AND worker = :worker
                  AND (SELECT sum(spent_usd + reserved_usd) FROM workers WHERE run_id = :run)
                      + :usd <= :cap + 1e-9
                """)
            .bind("usd", usd)
            .bind("run", runId)
            .bind("worker", worker)
            .bind("cap", capUsd)
            .execute();
    if (granted > 0) {
      return new Reservation(true, 0);
    }
    double othersInFlight =
        h.createQuery(
                "SELECT coalesce(sum(reserved_usd), 0) FROM workers"
                    + " WHERE run_id = :run AND worker <> :worker AND "
                    + LIVE)
            .bind("run", runId)
            .bind("worker", worker)
            .bind("lease", seconds(lease))
            .mapTo(Double.class)
            .one();
    return new Reservation(false, othersInFlight);
  }

  static void settle(Handle h, String runId, String worker, double reservedUsd, double spentUsd) {
    h.createUpdate(
            """
            UPDATE workers SET reserved_usd = greatest(0, reserved_usd - :reserved),
              spent_usd = greatest(spent_usd, :spent)
            WHERE run_id = :run AND worker = :worker
            """)
        .bind("reserved", reservedUsd)
        .bind("spent", spentUsd)
        .bind("run", runId)
        .bind("worker", worker)
        .execute();
  }

  /**
   * Takes the worker out of the run, and ends the run if it can: {@code whenDone} when no task is
   * pending (any worker may), {@code whenStopped} when tasks are pending but no other worker is
   * live to finish them (the last one out). Under the run's row lock, so two workers leaving at
   * once never both miss the end.
   */
  static boolean leave(
      Handle h,
      String runId,
      String worker,
      RunStatus whenDone,
      Optional<RunStatus> whenStopped,
      Duration lease,
      Instant now) {
    h.createQuery("SELECT id FROM runs WHERE id = ? FOR UPDATE")
        .bind(0, runId)
        .mapTo(String.class)
        .findOne();
    h.createUpdate(
            "UPDATE workers SET heartbeat_at = NULL WHERE run_id = :run AND worker = :worker")
        .bind("run", runId)
        .bind("worker", worker)
        .execute();
    boolean pending =
        h.createQuery("SELECT EXISTS (SELECT 1 FROM tasks WHERE run_id = ? AND status = 'pending')")
            .bind(0, runId)
            .mapTo(Boolean.class)
            .one();
    RunStatus status;
    if (!pending) {
      status = whenDone;
    } else if (whenStopped.isPresent() && !othersLive(h, runId, lease)) {
      status = whenStopped.get();
    } else {
      return false;
    }
    return h.createUpdate(
                "UPDATE runs SET status = ?, finished_at = ?, heartbeat_at = ?"
                    + " WHERE id = ? AND status = 'running'")
            .bind(0, status.label())
            .bind(1, Timestamps.format(now))
            .bind(2, Timestamps.format(now))
            .bind(3, runId)
            .execute()
        > 0;
  }

  private static boolean othersLive(Handle h, String runId, Duration lease) {
    return h.createQuery(
            "SELECT EXISTS (SELECT 1 FROM workers WHERE run_id = :run AND " + LIVE + ")")
        .bind("run", runId)
        .bind("lease", seconds(lease))
        .mapTo(Boolean.class)
        .one();
  }

  private static double seconds(Duration d) {
    return (double) d.toMillis() / 1000;
  }

  /** Whether a run's workers reopen it: one that stopped on Ctrl-C is worked again by joiners. */
  static void reopen(Handle h, String runId) {
    h.createUpdate(
            "UPDATE runs SET status = 'running', finished_at = NULL"
                + " WHERE id = ? AND status = 'interrupted'")
        .bind(0, runId)
        .execute();
  }
}
