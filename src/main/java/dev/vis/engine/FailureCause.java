package dev.vis.engine;

import dev.vis.provider.FinalProviderException;
import dev.vis.provider.RetryableProviderException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Names why a task failed in words a person reads in the summary: one label per kind of cause. */
final class FailureCause {
  static final String RATE_LIMITED = "rate limited";
  static final String SERVER_ERROR = "server error";
  static final String TIMEOUT = "timeout";
  static final String CONNECTION = "connection";
  static final String MALFORMED = "malformed response";
  static final String AUTHENTICATION = "authentication";
  static final String QUOTA = "quota";
  static final String MAX_TOKENS = "max_tokens";
  static final String REJECTED = "request rejected";
  static final String WAIT_TOO_LONG = "server asked to wait longer than retry.max_delay";

  private FailureCause() {}

  /**
   * The label of a task's last failure.
   *
   * @param waitTooLong whether the server asked for a delay over {@code retry.max_delay}
   */
  static String of(Throwable cause, boolean waitTooLong) {
    if (waitTooLong) {
      return WAIT_TOO_LONG;
    }
    if (cause instanceof NotCalledException n) {
      return "not called: " + n.category();
    }
    if (cause instanceof FinalProviderException f) {
      return switch (f.kind()) {
        case AUTHENTICATION -> AUTHENTICATION;
        case QUOTA -> QUOTA;
        case REQUEST ->
            String.valueOf(f.getMessage()).contains("max_tokens") ? MAX_TOKENS : REJECTED;
      };
    }
    if (cause instanceof RetryableProviderException r) {
      if (r.httpStatus().isEmpty()) {
        boolean connecting = String.valueOf(r.getMessage()).contains("cannot connect");
        return !connecting && timedOut(r) ? TIMEOUT : CONNECTION;
      }
      int status = r.httpStatus().getAsInt();
      if (status == 429) {
        return RATE_LIMITED;
      }
      if (status == 408) {
        return TIMEOUT;
      }
      if (status >= 200 && status < 300) {
        return MALFORMED;
      }
      return status >= 500 ? SERVER_ERROR : "HTTP " + status;
    }
    return cause.getClass().getSimpleName();
  }

  private static boolean timedOut(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
        return true;
      }
    }
    String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
    return message.contains("timed out") || message.contains("timeout");
  }
}
