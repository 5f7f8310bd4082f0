package dev.vis.engine;

/**
 * A condition a call must pass before it starts: a concurrency limit today; requests- and
 * tokens-per-minute buckets, a circuit breaker and the budget plug in here next.
 *
 * <p>Implementations are thread-safe; {@link #enter} may block.
 */
interface CallGate {

  /**
   * Waits until the call may start.
   *
   * @return a pass to give back when the call ends, or empty-handed {@link Pass#REFUSED} when the
   *     run stops scheduling this call (it stays pending, resumable)
   */
  Pass enter(CallTicket ticket) throws InterruptedException;

  /** Held while a call runs; closing it gives back what the gate lent. */
  interface Pass extends AutoCloseable {
    Pass REFUSED = () -> {};

    @Override
    void close();
  }
}
