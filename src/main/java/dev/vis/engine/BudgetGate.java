package dev.vis.engine;

import java.math.BigDecimal;
import java.util.function.DoubleSupplier;

/**
 * Stops scheduling before the run's cost could pass its cap: a call starts only if the cost spent
 * so far (earlier sessions included), the estimates of the calls in flight and its own estimate
 * stay within {@code max_usd}. After the first refusal every later call is refused too, so the
 * calls already made stay evenly spread over prompts and models; refused tasks stay pending.
 * Thread-safe.
 */
final class BudgetGate implements CallGate {
  private final BigDecimal cap;
  private final double capUsd;
  private final double spentBefore;
  private final DoubleSupplier spentThisSession;
  private double inFlight; // guarded by this
  private boolean stopped; // guarded by this
  private double refusedUsd; // guarded by this
  private long refused; // guarded by this

  /**
   * @param cap the run's cumulative cap
   * @param spentBefore cost of the run's answers from earlier sessions
   * @param spentThisSession cost of this session's answers so far, counted before a call's pass
   *     is given back
   */
  BudgetGate(BigDecimal cap, BigDecimal spentBefore, DoubleSupplier spentThisSession) {
    this.cap = cap;
    this.capUsd = cap.doubleValue();
    this.spentBefore = spentBefore.doubleValue();
    this.spentThisSession = spentThisSession;
  }

  @Override
  public synchronized Pass enter(CallTicket ticket) {
    double estimate = ticket.estimatedUsd();
    if (!stopped && spentBefore + spentThisSession.getAsDouble() + inFlight + estimate > capUsd) {
      stopped = true;
    }
    if (stopped) {
      refused++;
      refusedUsd += estimate;
      return Pass.REFUSED;
    }
    inFlight += estimate;
    return () -> release(estimate);
  }

  private synchronized void release(double estimate) {
    inFlight -= estimate;
  }

  /** Whether the cap stopped scheduling. */
  synchronized boolean stopped() {
    return stopped;
  }

  /** What the stop left: the cap, what the refused calls were estimated at and how many. */
  synchronized BudgetStop stop(BigDecimal spentUsd) {
    return new BudgetStop(cap, spentUsd, BigDecimal.valueOf(refusedUsd), refused);
  }
}
