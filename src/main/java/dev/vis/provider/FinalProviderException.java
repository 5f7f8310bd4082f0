package dev.vis.provider;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A failure another attempt will not cure: 400, 401, 402, 403, 404, 413, 422, quota exhaustion, an
 * answer left empty because the model spent its {@code max_tokens}, a response body too large to
 * read.
 */
public final class FinalProviderException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /** What kind of final failure: the engine stops more than one task on some. */
  public enum Kind {
    /** The request itself is wrong for this model. */
    REQUEST,
    /** The key is missing, wrong or not allowed: every model on that key stops. */
    AUTHENTICATION,
    /** The account's quota or credit is spent: that model stops. */
    QUOTA
  }

  private final Kind kind;

  public FinalProviderException(
      Kind kind,
      String message,
      OptionalInt httpStatus,
      Optional<String> rawBody,
      Throwable cause) {
    super(message, httpStatus, rawBody, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
