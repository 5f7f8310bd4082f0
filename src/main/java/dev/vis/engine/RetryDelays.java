package dev.vis.engine;

import dev.vis.provider.RetryableProviderException;
import dev.vis.spec.RetrySpec;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * The wait before a retry: the server's delay when it gave one (jitter may lengthen it by up to a
 * tenth, never shorten it), else exponential backoff from the initial delay with "equal jitter"
 * (between half and all of the step), capped at the maximum delay. Only the waits vis times itself
 * step the backoff up: a call told twice to wait a second by the server, then failing with a 500,
 * waits the initial delay, not four times it.
 */
record RetryDelays(RetrySpec retry, DoubleSupplier random) {

  /**
   * @param backoffsBefore this call's earlier waits that vis timed itself, without a server delay
   *     (0 before its first)
   * @param failure the last failure
   */
  Duration next(int backoffsBefore, Throwable failure) {
    Optional<Duration> serverDelay = serverDelay(failure);
    if (serverDelay.isPresent()) {
      Duration d = serverDelay.get();
      return d.plusNanos((long) (d.toNanos() * 0.1 * random.getAsDouble()));
    }
    long initial = Math.max(1, retry.initialDelay().toMillis());
    long max = Math.max(initial, retry.maxDelay().toMillis());
    int shift = Math.min(30, Math.max(0, backoffsBefore));
    long step = Math.min(max, initial << shift);
    long jittered = step / 2 + (long) (step / 2.0 * random.getAsDouble());
    return Duration.ofMillis(jittered);
  }

  /** The waits of one call's retries, from its first. */
  Waits waits() {
    return new Waits();
  }

  /**
   * Whether the server asks for a longer wait than the spec allows: the task then fails, resumably.
   */
  boolean tooLong(Throwable failure) {
    return serverDelay(failure).map(d -> d.compareTo(retry.maxDelay()) > 0).orElse(false);
  }

  static Optional<Duration> serverDelay(Throwable failure) {
    return failure instanceof RetryableProviderException r ? r.retryAfter() : Optional.empty();
  }

  /**
   * One call's retry waits, counting its backoffs. Thread-safe: the call's attempts may run on
   * different threads, one after another.
   */
  final class Waits {
    private final AtomicInteger backoffs = new AtomicInteger();

    private Waits() {}

    /** The wait before the next retry, after {@code failure}. */
    Duration next(Throwable failure) {
      if (serverDelay(failure).isPresent()) {
        return RetryDelays.this.next(backoffs.get(), failure);
      }
      return RetryDelays.this.next(backoffs.getAndIncrement(), failure);
    }
  }
}
