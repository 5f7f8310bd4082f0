package dev.vis.provider;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A call that gave no usable answer. Subtypes say whether another attempt may succeed; the engine's
 * retry policy keys on them.
 */
public abstract sealed class ProviderException extends Exception
    permits RetryableProviderException, FinalProviderException {
  private static final long serialVersionUID = 1L;

  /**
   * The HTTP status, or -1 when no response arrived (an int, so the exception stays serializable).
   */
  private final int httpStatus;

  private final transient Optional<String> rawBody;

  protected ProviderException(
      String message, OptionalInt httpStatus, Optional<String> rawBody, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus.orElse(-1);
    this.rawBody = rawBody;
  }

  /** The HTTP status, when a response arrived. */
  public OptionalInt httpStatus() {
    return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /** The response body exactly as received, when one arrived: kept because formats drift. */
  public Optional<String> rawBody() {
    return rawBody;
  }
}
