package dev.vis.provider;

import dev.vis.provider.ErrorBody.Verdict;
import dev.vis.provider.FinalProviderException.Kind;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns what went wrong in a call into a retryable or final {@link ProviderException}: the one
 * classifier of statuses, which each wire format refines by reading its own error bodies ({@link
 * #parse}).
 *
 * <p>Retryable: 408, 409, 425, 429, 529 and every 5xx but 501 and 505 (Cloudflare's 520-524 in
 * front of a provider are transient), each with the delay the server asked for. Final: 401 and 403
 * (authentication), 402 (quota), a redirect (vis follows none, so that a key never travels
 * elsewhere), every other status (the request), and whatever a body decides beyond its status. A
 * 2xx without a usable answer is malformed (retryable) or, when the model spent its {@code
 * max_tokens}, final. Messages name the provider, the status and the provider's own message
 * (truncated), never a key or a header value. Immutable and thread-safe.
 */
abstract class ProviderErrors {
  static final int MAX_DETAIL = 300;

  private final String providerName;
  private final Redactor redactor;
  private final Clock clock;
  private final String authHint;
  private final String thinkingHint;

  /**
   * @param authHint what a 401 or 403 message tells the user to check
   * @param thinkingHint why a model may spend {@code max_tokens} before writing any text
   */
  ProviderErrors(Connection connection, String authHint, String thinkingHint) {
    this.providerName = connection.providerName();
    this.redactor = connection.redactor();
    this.clock = connection.clock();
    this.authHint = authHint;
    this.thinkingHint = thinkingHint;
  }

  /** What {@code body}, which came with {@code status}, says in this wire format's shapes. */
  abstract ErrorBody parse(int status, String body);

  /** {@code text} with every secret blanked, for a message. */
  String redactMessage(String text) {
    return redactor.redactMessage(text);
  }

  /** How this provider words failed exchanges. */
  TransportFailures transport() {
    return new TransportFailures(providerName, this::redactMessage);
  }

  /** Classifies a response that is not a 2xx success. */
  ProviderException forStatus(int status, HttpHeaders headers, String body) {
    ErrorBody error = parse(status, body);
    String message = providerName + ": HTTP " + status + detail(error);
    Optional<String> raw = Optional.of(redactor.redact(body));
    OptionalInt http = OptionalInt.of(status);
    if (error.verdict().isPresent()) {
      Verdict verdict = error.verdict().get();
      return new FinalProviderException(
          verdict.kind(), message + " (" + verdict.hint() + ")", http, raw, null);
    }
    boolean retryable =
        switch (status) {
          case 408, 409, 425, 429, 529 -> true;
          case 501, 505 -> false; // the server cannot do this at all
          default -> status >= 500;
        };
    if (retryable) {
      return new RetryableProviderException(
          message, http, raw, RetryAfter.from(headers, clock, error.retryDelay()), null);
    }
    if (status == 401 || status == 403) {
      return new FinalProviderException(
          Kind.AUTHENTICATION, message + " (" + authHint + ")", http, raw, null);
    }
    if (status == 402) {
      return new FinalProviderException(Kind.QUOTA, message, http, raw, null);
    }
    if (status >= 300 && status < 400) {
      String location = headers.firstValue("location").orElse("another address");
      message +=
          "; redirected to " + redactMessage(location) + ": set base_url to the final address";
    }
    return new FinalProviderException(Kind.REQUEST, message, http, raw, null);
  }

  /** A 2xx whose body is not a usable answer: the next attempt may get a good one. */
  RetryableProviderException malformed(int status, HttpHeaders headers, String body, String why) {
    ErrorBody error = parse(status, body);
    return new RetryableProviderException(
        providerName
            + ": HTTP "
            + status
            + " with "
            + why
            + (error.message().isPresent() ? detail(error) : ""),
        OptionalInt.of(status),
        Optional.of(redactor.redact(body)),
        RetryAfter.from(headers, clock),
        null);
  }

  /** The model spent its whole output budget before writing any answer text. */
  FinalProviderException outOfTokens(int status, String body, OptionalInt maxTokens) {
    String limit = maxTokens.isPresent() ? " (" + maxTokens.getAsInt() + ")" : "";
    return new FinalProviderException(
        Kind.REQUEST,
        providerName
            + ": the answer is empty because the model spent max_tokens"
            + limit
            + " before writing any text ("
            + thinkingHint
            + "): raise max_tokens",
        OptionalInt.of(status),
        Optional.of(redactor.redact(body)),
        null);
  }

  /** {@code " (label): message"}, each part only when the body has it. */
  private String detail(ErrorBody error) {
    StringBuilder m = new StringBuilder();
    error.label().ifPresent(label -> m.append(" (").append(label).append(')'));
    error.message().ifPresent(text -> m.append(": ").append(truncate(redactMessage(text))));
    return m.toString();
  }

  /** {@code text} on one line, cut to {@link #MAX_DETAIL} characters. */
  static String truncate(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL - 1) + "…";
  }
}
