package dev.vis.engine;

import dev.vis.VisException;
import dev.vis.store.Reservation;
import java.util.function.DoubleSupplier;

/**
 * A run's budget kept in the database its workers share (SPEC §8): each call's worst-case estimate
 * is reserved there before it starts and settled to this worker's real spending after, so N workers
 * together never pass {@code max_usd}.
 */
final class SharedLedger implements BudgetGate.Ledger {
  private final WorkerSeat seat;
  private final double capUsd;
  private final DoubleSupplier spentThisSession;
  private volatile boolean othersInFlight;

  /**
   * @param seat its lease: a worker whose heartbeat is older than this is dead, its reservations
   *     kept as spent, never waited for
   * @param spentThisSession what this worker's answers cost so far
   */
  SharedLedger(WorkerSeat seat, double capUsd, DoubleSupplier spentThisSession) {
    this.seat = seat;
    this.capUsd = capUsd;
    this.spentThisSession = spentThisSession;
  }

  @Override
  public boolean reserve(double usd) {
    try {
      Reservation r = seat.store().reserve(seat.runId(), seat.worker(), usd, capUsd, seat.lease());
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
      seat.store().settle(seat.runId(), seat.worker(), usd, spentThisSession.getAsDouble());
    } catch (VisException e) {
      // the reservation stays held: the run's budget errs on the side of spending less
    }
  }
}
