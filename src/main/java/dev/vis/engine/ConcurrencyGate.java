package dev.vis.engine;

import dev.vis.spec.EndpointKey;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Bounds calls in flight: per model, per endpoint, then in all. The narrow permits are taken first
 * so a call waiting for a busy endpoint never holds a global permit another endpoint could use.
 */
final class ConcurrencyGate implements CallGate {
  private final Semaphore global;
  private final Map<EndpointKey, Semaphore> perEndpoint;
  private final Map<String, Semaphore> perModel;

  /**
   * @param global calls in flight in all
   * @param perEndpoint caps keyed by endpoint (absent: no cap of its own)
   * @param perModel caps keyed by model id (absent: no cap of its own)
   */
  ConcurrencyGate(
      int global, Map<EndpointKey, Integer> perEndpoint, Map<String, Integer> perModel) {
    this.global = new Semaphore(global, true);
    this.perEndpoint = semaphores(perEndpoint);
    this.perModel = semaphores(perModel);
  }

  private static <K> Map<K, Semaphore> semaphores(Map<K, Integer> caps) {
    Map<K, Semaphore> map = new java.util.HashMap<>();
    caps.forEach((key, cap) -> map.put(key, new Semaphore(cap, true)));
    return Map.copyOf(map);
  }

  @Override
  public Pass enter(CallTicket ticket) throws InterruptedException {
    Semaphore model = perModel.get(ticket.modelId());
    Semaphore endpoint = perEndpoint.get(ticket.endpoint());
    acquire(model);
    try {
      acquire(endpoint);
      try {
        global.acquire();
      } catch (InterruptedException e) {
        release(endpoint);
        throw e;
      }
    } catch (InterruptedException e) {
      release(model);
      throw e;
    }
    return () -> {
      global.release();
      release(endpoint);
      release(model);
    };
  }

  private static void acquire(Semaphore s) throws InterruptedException {
    if (s != null) {
      s.acquire();
    }
  }

  private static void release(Semaphore s) {
    if (s != null) {
      s.release();
    }
  }
}
