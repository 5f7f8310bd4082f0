package dev.vis.provider;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vis.provider.FinalProviderException.Kind;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what went wrong in an OpenAI-format call into a retryable or final {@link
 * ProviderException}: the one place where statuses and error bodies are classified.
 *
 * <p>Messages name the provider, the status and the provider's own error message (truncated), never
 * the key or a header value. Immutable and thread-safe.
 */
final class OpenAiErrors implements HttpCall.TransportErrors {
  static final int MAX_DETAIL = 300;

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final String providerName;
  private final Redactor redactor;
  private final TransportFailures transport;
  private final Clock clock;
  private final String authHint;

  OpenAiErrors(String providerName, Redactor redactor, Clock clock) {
    this(providerName, redactor, clock, "check the API key");
  }

  /**
   * @param authHint what a 401 or 403 message tells the user to check, for providers whose refused
   *     key can mean more than a wrong key (Perplexity blocks keys when credit runs out)
   */
  OpenAiErrors(String providerName, Redactor redactor, Clock clock, String authHint) {
    this.providerName = providerName;
    this.redactor = redactor;
    this.transport = new TransportFailures(providerName, redactor::redactMessage);
    this.clock = clock;
    this.authHint = authHint;
  }

  /** Classifies a response that is not a 2xx success. */
  ProviderException forStatus(int status, HttpHeaders headers, String body) {
    ErrorBody error = ErrorBody.parse(body);
    String message = message("HTTP " + status, error);
    Optional<String> raw = Optional.of(redactor.redact(body));
    OptionalInt http = OptionalInt.of(status);
    if (status == 429 && error.isQuota()) {
      return new FinalProviderException(
          Kind.QUOTA, message + " (the account's quota or credit is spent)", http, raw, null);
    }
    if (status == 400 && error.isWrongKey()) {
      // xAI answers a wrong key with 400, not 401.
      return new FinalProviderException(
          Kind.AUTHENTICATION, message + " (check the API key)", http, raw, null);
    }
    return switch (status) {
      case 408, 409, 425, 429, 500, 502, 503, 504, 529 ->
          new RetryableProviderException(message, http, raw, RetryAfter.from(headers, clock), null);
      case 401, 403 ->
          new FinalProviderException(
              Kind.AUTHENTICATION, message + " (" + authHint + ")", http, raw, null);
      case 402 -> new FinalProviderException(Kind.QUOTA, message, http, raw, null);
      // 501 and 505 say the server cannot do this at all; other 5xx (Cloudflare's 520-524 in
      // front of OpenAI) are transient.
      case 501, 505 -> new FinalProviderException(Kind.REQUEST, message, http, raw, null);
      default -> {
        if (status >= 500) {
          yield new RetryableProviderException(
              message, http, raw, RetryAfter.from(headers, clock), null);
        }
        if (status >= 300 && status < 400) {
          String location = headers.firstValue("location").orElse("another address");
          yield new FinalProviderException(
              Kind.REQUEST,
              message
                  + "; redirected to "
                  + redactor.redactMessage(location)
                  + ": set base_url to the final address",
              http,
              raw,
              null);
        }
        yield new FinalProviderException(Kind.REQUEST, message, http, raw, null);
      }
    };
  }

  /** A 2xx whose body is not a usable completion: the next attempt may get a good one. */
  RetryableProviderException malformed(int status, HttpHeaders headers, String body, String why) {
    ErrorBody error = ErrorBody.parse(body);
    String detail = error.message().isPresent() ? message("", error) : "";
    return new RetryableProviderException(
        providerName + ": HTTP " + status + " with " + why + detail,
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
            + " before writing any text (reasoning models think first): raise max_tokens",
        OptionalInt.of(status),
        Optional.of(redactor.redact(body)),
        null);
  }

  /**
   * Checks that a 2xx answer without text is one to keep (SPEC §4): an answer a filter or refusal
   * blocked is; an answer cut off by {@code max_tokens} and a body that holds no answer are not.
   *
   * @throws FinalProviderException when the model spent its {@code max_tokens}
   * @throws RetryableProviderException when the body holds no answer (malformed, body kept)
   */
  void requireAnswer(
      int status,
      HttpHeaders headers,
      String body,
      String text,
      Optional<String> reason,
      StopReasons stops,
      OptionalInt maxTokens)
      throws ProviderException {
    if (!text.isBlank()) {
      return;
    }
    switch (stops.judge(reason)) {
      case OUT_OF_TOKENS -> throw outOfTokens(status, body, maxTokens);
      case NO_ANSWER -> throw malformed(status, headers, body, stops.noAnswer(reason));
      case BLOCKED -> {}
    }
  }

  /** No response arrived within the per-attempt timeout. */
  @Override
  public RetryableProviderException timeout(Duration timeout, Throwable cause) {
    return transport.timeout(timeout, cause);
  }

  /** The request could not be sent or its response not read. */
  @Override
  public RetryableProviderException forIo(IOException e, String target, Duration timeout) {
    return transport.forIo(e, target, timeout);
  }

  /** The response body was larger than vis reads. */
  @Override
  public FinalProviderException tooLarge(int status, long limit) {
    return transport.tooLarge(status, limit);
  }

  private String message(String status, ErrorBody error) {
    StringBuilder m = new StringBuilder();
    if (!status.isEmpty()) {
      m.append(providerName).append(": ").append(status);
    }
    error.code().or(error::type).ifPresent(c -> m.append(" (").append(c).append(')'));
    error
        .message()
        .ifPresent(text -> m.append(": ").append(truncate(redactor.redactMessage(text))));
    return m.toString();
  }

  static String truncate(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL - 1) + "…";
  }

  /** The parts of an error body worth showing, in the shapes OpenAI and look-alikes send. */
  record ErrorBody(Optional<String> message, Optional<String> type, Optional<String> code) {
    // xAI's wording (its bodies carry no machine-readable code for these): a 429 when the team's
    // credits or spending limit are used up, a 400 for a wrong key (sometimes URL-encoded).
    private static final Pattern SPENT_CREDITS =
        Pattern.compile("used all available credits|reached its monthly spending limit");
    private static final Pattern WRONG_KEY =
        Pattern.compile("(?i)incorrect(\\s|%20)+api(\\s|%20)+key");
    private static final Pattern HTML_TITLE =
        Pattern.compile("<title>([^<]*)</title>", Pattern.CASE_INSENSITIVE);

    boolean isQuota() {
      return code.filter("insufficient_quota"::equals).isPresent()
          || type.filter("insufficient_quota"::equals).isPresent()
          || message.filter(m -> SPENT_CREDITS.matcher(m).find()).isPresent();
    }

    boolean isWrongKey() {
      return code.filter("invalid_api_key"::equals).isPresent()
          || message.filter(m -> WRONG_KEY.matcher(m).find()).isPresent();
    }

    static ErrorBody parse(String body) {
      JsonNode root;
      try {
        root = JSON.readTree(body);
      } catch (JacksonException e) {
        return new ErrorBody(
            htmlTitle(body).or(() -> text(body)), Optional.empty(), Optional.empty());
      }
      if (root == null || root.isMissingNode()) {
        return new ErrorBody(Optional.empty(), Optional.empty(), Optional.empty());
      }
      JsonNode error = root.path("error");
      if (error.isTextual()) {
        // xAI: {"code": "Client specified an invalid argument", "error": "Incorrect API key ..."}
        return new ErrorBody(text(error.asText()), Optional.empty(), field(root, "code"));
      }
      if (error.isObject()) {
        // A numeric code (Perplexity, OpenRouter) repeats the HTTP status: the type says more.
        Optional<String> code =
            error.path("code").isNumber() ? Optional.empty() : field(error, "code");
        return new ErrorBody(field(error, "message"), field(error, "type"), code);
      }
      return new ErrorBody(
          field(root, "message").or(() -> field(root, "detail")),
          Optional.empty(),
          Optional.empty());
    }

    /** The title of an HTML error page (a proxy's 401 or 502), rather than its whole markup. */
    private static Optional<String> htmlTitle(String body) {
      Matcher title = HTML_TITLE.matcher(body);
      return title.find() ? text(title.group(1).strip()) : Optional.empty();
    }

    private static Optional<String> field(JsonNode node, String name) {
      JsonNode value = node.path(name);
      return value.isValueNode() && !value.isNull() ? text(value.asText()) : Optional.empty();
    }

    private static Optional<String> text(String s) {
      return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
  }
}
