package dev.vis.engine;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;

/**
 * Stops scheduling before the run's cost could pass its cap: a call starts only if its estimate can
 * be reserved in the {@link Ledger}, where the cost spent so far (earlier sessions included) and
 * the estimates of the calls in flight stay within {@code max_usd}.
 *
 * <p>Estimates assume {@code max_tokens} of output and real answers are usually shorter, so a call
 * that does not fit while others are in flight waits for them to settle and is checked again
 * against what they really cost; only when it does not fit with nothing in flight does the run
 * stop. After that every later call is refused too (they stay pending, resumable), so the calls
 * made stay evenly spread over prompts and models. Thread-safe.
 */
final class BudgetGate implements CallGate {
  /** How often a refused call asks again while calls elsewhere may settle without telling us. */
  private static final long RECHECK_MILLIS = 200;

  private final BigDecimal cap;
  private final Ledger ledger;
  private final Runnable onStop;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition settled = lock.newCondition();
  private long inFlight; // guarded by lock
  private boolean stopped; // guarded by lock
  private double refusedUsd; // guarded by lock
  private long refused; // guarded by lock

  /**
   * A budget held by this process alone.
   *
   * @param cap the run's cumulative cap
   * @param spentBefore cost of the run's answers from earlier sessions
   * @param spentThisSession cost of this session's answers so far, counted before a call's pass is
   *     given back
   */
  BudgetGate(BigDecimal cap, BigDecimal spentBefore, DoubleSupplier spentThisSession) {
    this(
        cap,
        new LocalLedger(cap.doubleValue(), spentBefore.doubleValue(), spentThisSession),
        () -> {});
  }

  /**
   * @param ledger where estimates are reserved: this process's, or the run's in a shared database
   * @param onStop told once, when the cap stops scheduling
   */
  BudgetGate(BigDecimal cap, Ledger ledger, Runnable onStop) {
    this.cap = cap;
    this.ledger = ledger;
    this.onStop = onStop;
  }

  /** Where the budget is kept; called under the gate's lock, except {@link #settle}. */
  interface Ledger {
    /**
     * Reserves {@code usd} if spent, reserved and {@code usd} stay within the cap.
     *
     * @return whether it was reserved
     */
    boolean reserve(double usd);

    /** Whether calls this gate does not see hold reservations that may yet be given back. */
    boolean othersInFlight();

    /** Gives back a call's reservation once its cost is counted. */
    void settle(double usd);
  }

  @Override
  public Pass enter(CallTicket ticket) throws InterruptedException {
    double estimate = ticket.estimatedUsd();
    lock.lock();
    try {
      while (!stopped && !ledger.reserve(estimate)) {
        if (inFlight == 0 && !ledger.othersInFlight()) {
          stopped = true;
          onStop.run();
        } else {
          settled.await(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
        }
      }
      if (stopped) {
        refused++;
        refusedUsd += estimate;
        return Pass.REFUSED;
      }
      inFlight++;
      return () -> release(estimate);
    } finally {
      lock.unlock();
    }
  }

  private void release(double estimate) {
    ledger.settle(estimate);
    lock.lock();
    try {
      inFlight--;
      settled.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Whether the cap stopped scheduling. */
  boolean stopped() {
    lock.lock();
    try {
      return stopped;
    } finally {
      lock.unlock();
    }
  }

  /** What the stop left: the cap, what the refused calls were estimated at and how many. */
  BudgetStop stop(BigDecimal spentUsd) {
    lock.lock();
    try {
      return new BudgetStop(cap, spentUsd, BigDecimal.valueOf(refusedUsd), refused);
    } finally {
      lock.unlock();
    }
  }

  /** This process's own ledger: nothing else spends the run's budget while it works. */
  private static final class LocalLedger implements Ledger {
    private final double capUsd;
    private final double spentBefore;
    private final DoubleSupplier spentThisSession;
    private double inFlightUsd; // guarded by this

    LocalLedger(double capUsd, double spentBefore, DoubleSupplier spentThisSession) {
      this.capUsd = capUsd;
      this.spentBefore = spentBefore;
      this.spentThisSession = spentThisSession;
    }

    @Override
    public synchronized boolean reserve(double usd) {
      if (spentBefore + spentThisSession.getAsDouble() + inFlightUsd + usd > capUsd) {
        return false;
      }
      inFlightUsd += usd;
      return true;
    }

    @Override
    public boolean othersInFlight() {
      return false;
    }

    @Override
    public synchronized void settle(double usd) {
      inFlightUsd -= usd;
    }
  }
}
