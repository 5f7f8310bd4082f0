package dev.vis.engine;

import dev.vis.provider.RetryableProviderException;
import dev.vis.spec.RetrySpec;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The wait before a retry: the server's delay when it gave one (jitter may lengthen it by up to a
 * tenth, never shorten it), else exponential backoff from the initial delay with "equal jitter"
 * (between half and all of the step), capped at the maximum delay.
 */
record RetryDelays(RetrySpec retry, DoubleSupplier random) {

  /**
   * @param failedAttempts attempts made so far (1 after the first failure)
   * @param failure the last failure
   */
  Duration next(int failedAttempts, Throwable failure) {
    Optional<Duration> serverDelay = serverDelay(failure);
    if (serverDelay.isPresent()) {
      Duration d = serverDelay.get();
      return d.plusNanos((long) (d.toNanos() * 0.1 * random.getAsDouble()));
    }
    long initial = Math.max(1, retry.initialDelay().toMillis());
    long max = Math.max(initial, retry.maxDelay().toMillis());
    int shift = Math.min(30, Math.max(0, failedAttempts - 1));
    long step = Math.min(max, initial << shift);
    long jittered = step / 2 + (long) (step / 2.0 * random.getAsDouble());
    return Duration.ofMillis(jittered);
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
}
