package dev.vis.engine;

import dev.failsafe.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One endpoint's circuit breaker: Failsafe's {@link CircuitBreaker} opens after {@link
 * #FAILURE_THRESHOLD} consecutive failed calls and lets one probe through when half-open.
 *
 * <p>Failsafe times the open state with {@code System.nanoTime}; here the breaker is built with a
 * delay it never reaches and this class moves it to half-open by the engine's injected clock, so
 * tests decide when the delay has passed. Thread-safe.
 */
final class EndpointBreaker {
  /**
   * Consecutive failed calls that open the breaker: enough to ride out a blip, few enough to stop
   * fast.
   */
  static final int FAILURE_THRESHOLD = 5;

  /** How long the breaker stays open before one call may probe the endpoint. */
  static final Duration OPEN_DELAY = Duration.ofSeconds(60);

  private final String endpoint;
  private final Clock clock;
  private final CircuitBreaker<Object> breaker;
  private volatile Instant openedAt = Instant.MIN;
  private volatile String lastFailure = "";

  /**
   * @param endpoint the endpoint as messages name it ({@link dev.vis.spec.EndpointKey#describe})
   */
  EndpointBreaker(String endpoint, Clock clock) {
    this.endpoint = endpoint;
    this.clock = clock;
    this.breaker =
        CircuitBreaker.builder()
            .withFailureThreshold(FAILURE_THRESHOLD)
            .withSuccessThreshold(1)
            .withDelay(Duration.ofDays(3650))
            .onOpen(e -> openedAt = clock.instant())
            .build();
  }

  /** Why calls are refused now, without taking the half-open probe; empty while calls may pass. */
  Optional<String> refusal() {
    if (breaker.isOpen() && clock.instant().isBefore(openedAt.plus(OPEN_DELAY))) {
      return Optional.of(message());
    }
    return Optional.empty();
  }

  /** Asks to call: always yes when closed, once after the delay when open, else no. */
  boolean tryAcquire() {
    if (breaker.isOpen() && !clock.instant().isBefore(openedAt.plus(OPEN_DELAY))) {
      breaker.halfOpen();
    }
    return breaker.tryAcquirePermit();
  }

  /** The endpoint answered (an error that names the request, key or quota counts: it is up). */
  void succeeded() {
    breaker.recordSuccess();
  }

  /** The endpoint failed: a server error, an overload, a timeout or a lost connection. */
  void failed(String cause) {
    lastFailure = cause;
    breaker.recordFailure();
  }

  boolean isOpen() {
    return breaker.isOpen();
  }

  String message() {
    return "endpoint "
        + endpoint
        + " circuit open after "
        + FAILURE_THRESHOLD
        + " consecutive failures (last: "
        + lastFailure
        + "); resume later";
  }
}
