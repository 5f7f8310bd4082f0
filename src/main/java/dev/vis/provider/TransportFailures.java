package dev.vis.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * Words a failed exchange (no connection, a broken connection, no answer in time, a body too large
 * to read) the same way for every provider, naming the provider and the host, never a secret.
 * Immutable and thread-safe.
 */
final class TransportFailures {
  private final String providerName;
  private final UnaryOperator<String> redact;

  /**
   * @param redact blanks secrets out of a transport's own message (which may echo a URL)
   */
  TransportFailures(String providerName, UnaryOperator<String> redact) {
    this.providerName = providerName;
    this.redact = redact;
  }

  /** No response arrived within the per-attempt timeout. */
  RetryableProviderException timeout(Duration timeout, Throwable cause) {
    return retryable(
        providerName + ": no answer within " + format(timeout) + " (per-attempt timeout)", cause);
  }

  /** The request could not be sent or its response not read. */
  RetryableProviderException forIo(IOException e, String target, Duration timeout) {
    if (e instanceof HttpConnectTimeoutException) {
      return retryable(providerName + ": cannot connect to " + target + " (connect timed out)", e);
    }
    if (e instanceof HttpTimeoutException) {
      return timeout(timeout, e);
    }
    String what = e instanceof ConnectException ? "cannot connect to " : "connection failed to ";
    String why = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
    return retryable(
        providerName
            + ": "
            + what
            + target
            + " ("
            + ProviderErrors.truncate(redact.apply(why))
            + ")",
        e);
  }

  /**
   * The body was larger than {@code limit}: final, since the next attempt would bring (and bill)
   * the same runaway answer, and the body is not kept (storing it is what the limit prevents).
   */
  FinalProviderException tooLarge(int status, long limit) {
    return new FinalProviderException(
        FinalProviderException.Kind.REQUEST,
        providerName
            + ": HTTP "
            + status
            + " with a response body over "
            + limit / (1024 * 1024)
            + " MiB: too large (vis reads at most that much of an answer)",
        OptionalInt.of(status),
        Optional.empty(),
        null);
  }

  private static RetryableProviderException retryable(String message, Throwable cause) {
    return new RetryableProviderException(
        message, OptionalInt.empty(), Optional.empty(), Optional.empty(), cause);
  }

  private static String format(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
