package dev.vis.engine;

import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Bounds calls in flight: per model, per provider, then in all. The narrow permits are taken first
 * so a call waiting for a busy provider never holds a global permit another provider could use.
 */
final class ConcurrencyGate implements CallGate {
  private final Semaphore global;
  private final Map<String, Semaphore> perProvider;
  private final Map<String, Semaphore> perModel;

  /**
   * @param global calls in flight in all
   * @param perProvider caps keyed by provider name (absent: no cap of its own)
   * @param perModel caps keyed by model id (absent: no cap of its own)
   */
  ConcurrencyGate(int global, Map<String, Integer> perProvider, Map<String, Integer> perModel) {
    this.global = new Semaphore(global, true);
    this.perProvider = semaphores(perProvider);
    this.perModel = semaphores(perModel);
  }

  private static Map<String, Semaphore> semaphores(Map<String, Integer> caps) {
    Map<String, Semaphore> map = new java.util.HashMap<>();
    caps.forEach((key, cap) -> map.put(key, new Semaphore(cap, true)));
    return Map.copyOf(map);
  }

  @Override
  public Pass enter(CallTicket ticket) throws InterruptedException {
    Semaphore model = perModel.get(ticket.modelId());
    Semaphore provider = perProvider.get(ticket.providerName());
    acquire(model);
    try {
      acquire(provider);
      try {
        global.acquire();
      } catch (InterruptedException e) {
        release(provider);
        throw e;
      }
    } catch (InterruptedException e) {
      release(model);
      throw e;
    }
    return () -> {
      global.release();
      release(provider);
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
