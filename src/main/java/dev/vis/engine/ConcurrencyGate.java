package dev.vis.engine;

import dev.vis.spec.EndpointKey;
import java.util.Map;

/**
 * Bounds calls in flight: per model, per endpoint and in all ({@link PermitPool}). A call waiting
 * for a busy endpoint holds no permit another endpoint could use, and a call back from a retry
 * delay ({@link #reenter}) is served before calls that have not started, so its wait is the delay
 * and not the queue of fresh calls as well.
 */
final class ConcurrencyGate implements CallGate {
  private final PermitPool permits;

  /**
   * @param global calls in flight in all
   * @param perEndpoint caps keyed by endpoint (absent: no cap of its own)
   * @param perModel caps keyed by model id (absent: no cap of its own)
   */
  ConcurrencyGate(
      int global, Map<EndpointKey, Integer> perEndpoint, Map<String, Integer> perModel) {
    this.permits = new PermitPool(global, perEndpoint, perModel);
  }

  @Override
  public Pass enter(CallTicket ticket) throws InterruptedException {
    return enter(ticket, PermitPool.Lane.FIRST);
  }

  @Override
  public Pass reenter(CallTicket ticket) throws InterruptedException {
    return enter(ticket, PermitPool.Lane.RETRY);
  }

  private Pass enter(CallTicket ticket, PermitPool.Lane lane) throws InterruptedException {
    permits.acquire(ticket, lane);
    return () -> permits.release(ticket);
  }
}
