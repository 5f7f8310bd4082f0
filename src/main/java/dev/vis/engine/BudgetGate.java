package dev.vis.engine;

import java.math.BigDecimal;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;

/**
 * Stops scheduling before the run's cost could pass its cap: a call starts only if the cost spent
 * so far (earlier sessions included), the estimates of the calls in flight and its own estimate
 * stay within {@code max_usd}.
 *
 * <p>Estimates assume {@code max_tokens} of output and real answers are usually shorter, so a call
 * that does not fit while others are in flight waits for them to settle and is checked again
 * against what they really cost; only when it does not fit with nothing in flight does the run
 * stop. After that every later call is refused too (they stay pending, resumable), so the calls
 * made stay evenly spread over prompts and models. Thread-safe.
 */
final class BudgetGate implements CallGate {
  private final BigDecimal cap;
  private final double capUsd;
  private final double spentBefore;
  private final DoubleSupplier spentThisSession;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition settled = lock.newCondition();
  private double inFlightUsd; // guarded by lock
  private long inFlight; // guarded by lock
  private boolean stopped; // guarded by lock
  private double refusedUsd; // guarded by lock
  private long refused; // guarded by lock

  /**
   * @param cap the run's cumulative cap
   * @param spentBefore cost of the run's answers from earlier sessions
   * @param spentThisSession cost of this session's answers so far, counted before a call's pass is
   *     given back
   */
  BudgetGate(BigDecimal cap, BigDecimal spentBefore, DoubleSupplier spentThisSession) {
    this.cap = cap;
    this.capUsd = cap.doubleValue();
    this.spentBefore = spentBefore.doubleValue();
    this.spentThisSession = spentThisSession;
  }

  @Override
  public Pass enter(CallTicket ticket) throws InterruptedException {
    double estimate = ticket.estimatedUsd();
    lock.lock();
    try {
      while (!stopped
          && spentBefore + spentThisSession.getAsDouble() + inFlightUsd + estimate > capUsd) {
        if (inFlight == 0) {
          stopped = true;
        } else {
          settled.await();
        }
      }
      if (stopped) {
        refused++;
        refusedUsd += estimate;
        return Pass.REFUSED;
      }
      inFlight++;
      inFlightUsd += estimate;
      return () -> release(estimate);
    } finally {
      lock.unlock();
    }
  }

  private void release(double estimate) {
    lock.lock();
    try {
      inFlight--;
      inFlightUsd -= estimate;
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
}
