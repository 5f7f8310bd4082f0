package dev.vis.engine;

/**
 * A condition a task's call must pass once before it starts: the concurrency limits, then the
 * budget ({@link GateChain} enters them in that order). What every HTTP attempt must pass, retries
 * included (rate buckets, circuit breaker, key and quota stops), is the {@link AttemptGate}.
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

  /**
   * Waits until a call that gave its pass back to wait out a retry delay may go on. A gate that
   * queues calls serves it ahead of calls that have not started: this one has waited its turn.
   */
  default Pass reenter(CallTicket ticket) throws InterruptedException {
    return enter(ticket);
  }

  /** Held while a call runs; closing it gives back what the gate lent. */
  interface Pass extends AutoCloseable {
    Pass REFUSED = () -> {};

    @Override
    void close();
  }
}
