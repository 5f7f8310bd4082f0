package dev.vis.engine;

/**
 * A call's place in the concurrency limits, given back while the call waits out a retry delay: a
 * call asleep for a server's {@code Retry-After} is not in flight, and its slot serves the calls
 * queued behind it meanwhile. Thread-safe: the call's own thread closes it, its attempts' threads
 * leave and re-enter.
 */
final class CallSlot implements CallGate.Pass {
  private final CallGate gate;
  private final CallTicket ticket;
  private CallGate.Pass held; // guarded by this; null while the call waits to retry
  private boolean closed; // guarded by this

  private CallSlot(CallGate gate, CallTicket ticket, CallGate.Pass held) {
    this.gate = gate;
    this.ticket = ticket;
    this.held = held;
  }

  /**
   * Waits for a slot of {@code gate}, which never refuses (the concurrency limits only make calls
   * wait).
   */
  static CallSlot enter(CallGate gate, CallTicket ticket) throws InterruptedException {
    return new CallSlot(gate, ticket, gate.enter(ticket));
  }

  /** Gives the slot back for a while; {@link #reenter} takes one again. */
  void leave() {
    CallGate.Pass pass;
    synchronized (this) {
      pass = held;
      held = null;
    }
    if (pass != null) {
      pass.close();
    }
  }

  /**
   * Waits for a slot again, ahead of the calls waiting for their first attempt ({@link
   * CallGate#reenter}); one taken after close goes back.
   */
  void reenter() throws InterruptedException {
    CallGate.Pass pass = gate.reenter(ticket);
    boolean late;
    synchronized (this) {
      late = closed || held != null;
      if (!late) {
        held = pass;
      }
    }
    if (late) {
      pass.close();
    }
  }

  @Override
  public void close() {
    closed();
    leave();
  }

  private synchronized void closed() {
    closed = true;
  }
}
