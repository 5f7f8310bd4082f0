import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The floor of workload C (SPEC §9: 500 calls at concurrency 20, 100 ms, 5% 429 with {@code
 * Retry-After: 1}, 5% 500) for an ideal client: no start-up, no overhead, a 429 retried exactly
 * when its {@code Retry-After} ends, a 500 retried after RETRY_500_S, retries first. The outcomes
 * are LatencyServer's own: its seeded rolls, drawn in the order its answers leave, so REPS
 * consecutive runs see what REPS consecutive runs against one server see. Prints, per run, when the
 * last answer came back, counted from the first call.
 *
 * <p>Launched without a build: {@code java src/bench/RetryAfterFloor.java [RETRY_500_S] [REPS]}
 * (default 0 and 12).
 */
public final class RetryAfterFloor {
  private static final int TASKS = 500;
  private static final int CONCURRENCY = 20;
  private static final double LATENCY_S = 0.1;
  private static final double RETRY_AFTER_S = 1.0;

  private RetryAfterFloor() {}

  public static void main(String[] args) {
    double retry500 = args.length > 0 ? Double.parseDouble(args[0]) : 0;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    SplittableRandom rolls = new SplittableRandom(42); // LatencyServer's seed
    List<String> ends = new ArrayList<>();
    for (int rep = 0; rep < reps; rep++) {
      ends.add(String.format("%.1f", lastAnswer(rolls, retry500)));
    }
    System.out.println(
        "last answer after the first call, s (ideal client, 500s retried after "
            + retry500
            + " s): "
            + String.join(" ", ends));
  }

  /**
   * One run: a free slot takes a retry whose wait is over, else a call not yet made, else waits for
   * the next retry. A call's roll is drawn when it ends; calls end in the order they start.
   */
  private static double lastAnswer(SplittableRandom rolls, double retry500) {
    PriorityQueue<Double> retries = new PriorityQueue<>();
    PriorityQueue<Double> slots = new PriorityQueue<>();
    for (int i = 0; i < CONCURRENCY; i++) {
      slots.add(0.0);
    }
    int fresh = TASKS;
    double last = 0;
    while (fresh > 0 || !retries.isEmpty()) {
      double free = slots.poll();
      double start;
      if (!retries.isEmpty() && (retries.peek() <= free || fresh == 0)) {
        start = Math.max(free, retries.poll());
      } else {
        fresh--;
        start = free;
      }
      double done = start + LATENCY_S;
      slots.add(done);
      int roll = rolls.nextInt(100);
      if (roll < 5) {
        retries.add(done + RETRY_AFTER_S);
      } else if (roll < 10) {
        retries.add(done + retry500);
      } else {
        last = Math.max(last, done);
      }
    }
    return last;
  }
}
