package dev.vis.provider;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A failure another attempt may cure: connection errors, timeouts, 408, 409, 425, 429 rate limits,
 * 5xx, 529, a 200 whose body is not valid JSON or holds no answer.
 */
public final class RetryableProviderException extends ProviderException {
  private static final long serialVersionUID = 1L;

  private final transient Optional<Duration> retryAfter;

  public RetryableProviderException(
      String message,
      OptionalInt httpStatus,
      Optional<String> rawBody,
      Optional<Duration> retryAfter,
      Throwable cause) {
    super(message, httpStatus, rawBody, cause);
    this.retryAfter = retryAfter;
  }

  /** The delay the server asked for, when it asked. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
