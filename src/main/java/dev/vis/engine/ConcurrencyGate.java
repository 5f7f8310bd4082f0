package dev.vis.engine;

import dev.vis.spec.EndpointKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds calls in flight: per model, per endpoint, then in all. The narrow permits are taken first
 * so a call waiting for a busy endpoint never holds a global permit another endpoint could use. At
 * every level a call back from a retry delay ({@link #reenter}) is served before calls that have
 * not started, so its wait is the delay and not the queue of fresh calls as well.
 */
final class ConcurrencyGate implements CallGate {
  private final PermitPool global;
  private final Map<EndpointKey, PermitPool> perEndpoint;
  private final Map<String, PermitPool> perModel;

  /**
   * @param global calls in flight in all
   * @param perEndpoint caps keyed by endpoint (absent: no cap of its own)
   * @param perModel caps keyed by model id (absent: no cap of its own)
   */
  ConcurrencyGate(
      int global, Map<EndpointKey, Integer> perEndpoint, Map<String, Integer> perModel) {
    this.global = new PermitPool(global);
    this.perEndpoint = pools(perEndpoint);
    this.perModel = pools(perModel);
  }

  private static <K> Map<K, PermitPool> pools(Map<K, Integer> caps) {
    Map<K, PermitPool> map = new HashMap<>();
    caps.forEach((key, cap) -> map.put(key, new PermitPool(cap)));
    return Map.copyOf(map);
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
    List<PermitPool> levels = new ArrayList<>(3);
    addIfCapped(levels, perModel.get(ticket.modelId()));
    addIfCapped(levels, perEndpoint.get(ticket.endpoint()));
    levels.add(global);
    int held = 0;
    try {
      for (PermitPool level : levels) {
        level.acquire(lane);
        held++;
      }
    } catch (InterruptedException e) {
      releaseAll(levels.subList(0, held));
      throw e;
    }
    return () -> releaseAll(levels);
  }

  private static void addIfCapped(List<PermitPool> levels, PermitPool pool) {
    if (pool != null) {
      levels.add(pool);
    }
  }

  /** Broadest first: a permit freed at a narrow level should find the broad one already free. */
  private static void releaseAll(List<PermitPool> levels) {
    for (PermitPool level : levels.reversed()) {
      level.release();
    }
  }
}
