package dev.vis.engine;

import dev.vis.VisException;
import dev.vis.store.Reservation;
import dev.vis.store.SharedRuns;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * A run's budget kept in the database its workers share (SPEC §8): each call's worst-case estimate
 * is reserved there before it starts and settled to this worker's real spending after, so N workers
 * together never pass {@code max_usd}.
 */
final class SharedLedger implements BudgetGate.Ledger {
  private final SharedRuns store;
  private final String runId;
  private final String worker;
  private final double capUsd;
  private final Duration lease;
  private final DoubleSupplier spentThisSession;
  private volatile boolean othersInFlight;

  /**
   * @param lease a worker whose heartbeat is older than this is dead: its reservations are kept as
   *     spent, never waited for
   * @param spentThisSession what this worker's answers cost so far
   */
  SharedLedger(
      SharedRuns store,
      String runId,
      String worker,
      double capUsd,
      Duration lease,
      DoubleSupplier spentThisSession) {
    this.store = store;
    this.runId = runId;
    this.worker = worker;
    this.capUsd = capUsd;
    this.lease = lease;
    this.spentThisSession = spentThisSession;
  }

  @Override
  public boolean reserve(double usd) {
    try {
      Reservation r = store.reserve(runId, worker, usd, capUsd, lease);
      othersInFlight = r.othersInFlightUsd() > 0;
      return r.granted();
    } catch (VisException e) {
      // the database is away for a moment: ask again soon; a longer outage stops the run where
      // answers are written
      othersInFlight = true;
      return false;
    }
  }

  @Override
  public boolean othersInFlight() {
    return othersInFlight;
  }

  @Override
  public void settle(double usd) {
    try {
      store.settle(runId, worker, usd, spentThisSession.getAsDouble());
    } catch (VisException e) {
      // the reservation stays held: the run's budget errs on the side of spending less
    }
  }
}
