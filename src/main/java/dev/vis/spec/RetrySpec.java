package dev.vis.spec;

import java.time.Duration;

/**
 * Retry policy of provider calls.
 *
 * @param maxAttempts attempts in all, the first included
 * @param initialDelay first backoff delay
 * @param maxDelay longest delay; a server asking for longer fails the task, resumably
 */
public record RetrySpec(int maxAttempts, Duration initialDelay, Duration maxDelay) {
  public static final RetrySpec DEFAULT =
      new RetrySpec(6, Duration.ofSeconds(1), Duration.ofSeconds(60));
}
