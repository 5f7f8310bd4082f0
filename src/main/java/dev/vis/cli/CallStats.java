package dev.vis.cli;

import dev.vis.engine.AttemptEvent;
import dev.vis.engine.AttemptListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * The call attempts of one {@code vis run} session, per model: counts by outcome and the latency of
 * the answered ones. Thread-safe: the calling threads report into concurrent collections.
 */
final class CallStats implements AttemptListener {
  private final Map<String, Model> models = new ConcurrentHashMap<>();

  /** One model's attempts. */
  private static final class Model {
    final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Long> answeredMs = new ConcurrentLinkedQueue<>();
  }

  @Override
  public void attemptEnded(AttemptEvent event) {
    Model model = models.computeIfAbsent(event.modelId(), id -> new Model());
    String outcome = event.attempt().outcome().value();
    model.outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
    if (outcome.equals("ok")) {
      model.answeredMs.add(event.attempt().latencyMs());
    }
  }

  /**
   * What each model's attempts came to, by model id.
   *
   * @param outcomes attempts by outcome ({@code ok}, {@code retryable}, {@code final}), by name
   * @param answeredMs latencies of the answered attempts, in milliseconds, ascending
   */
  record ModelCalls(Map<String, Long> outcomes, List<Long> answeredMs) {
    ModelCalls {
      outcomes = Map.copyOf(outcomes);
      answeredMs = List.copyOf(answeredMs);
    }

    /** The nearest-rank percentile {@code q} (0.5, 0.95) of the answered latencies, in ms. */
    long percentileMs(double q) {
      if (answeredMs.isEmpty()) {
        throw new IllegalStateException("no answered call");
      }
      int rank = (int) Math.ceil(q * answeredMs.size());
      return answeredMs.get(Math.max(0, rank - 1));
    }

    long sumMs() {
      return answeredMs.stream().mapToLong(Long::longValue).sum();
    }
  }

  /** A snapshot, models sorted by id. */
  Map<String, ModelCalls> byModel() {
    Map<String, ModelCalls> out = new TreeMap<>();
    models.forEach(
        (id, m) -> {
          Map<String, Long> outcomes = new TreeMap<>();
          m.outcomes.forEach((o, n) -> outcomes.put(o, n.sum()));
          List<Long> latencies = new ArrayList<>(m.answeredMs);
          latencies.sort(null);
          out.put(id, new ModelCalls(outcomes, latencies));
        });
    return out;
  }
}
