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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Turns what went wrong in a Gemini {@code generateContent} call into a retryable or final {@link
 * ProviderException}: the one place where Google's statuses and {@code google.rpc} error bodies are
 * classified.
 *
 * <p>A 429 whose {@code QuotaFailure} names a per-day quota is final (waiting minutes will not
 * help); other 429s wait for {@code RetryInfo.retryDelay}. Messages name the provider, the status
 * and Google's own message (truncated), never the key. Immutable and thread-safe.
 */
final class GeminiErrors implements HttpCall.TransportErrors {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Google API keys: blanked from messages even when they are not the configured key. */
  private static final Pattern GOOGLE_KEY = Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{20,}");

  private final String providerName;
  private final Redactor redactor;
  private final TransportFailures transport;
  private final Clock clock;

  GeminiErrors(String providerName, Redactor redactor, Clock clock) {
    this.providerName = providerName;
    this.redactor = redactor;
    this.transport = new TransportFailures(providerName, this::redact);
    this.clock = clock;
  }

  /** Classifies a response that is not a 2xx success. */
  ProviderException forStatus(int status, HttpHeaders headers, String body) {
    ErrorBody error = ErrorBody.parse(body);
    String message = message("HTTP " + status, error);
    Optional<String> raw = Optional.of(redactor.redact(body));
    OptionalInt http = OptionalInt.of(status);
    if (error.isBadKey() || status == 401 || status == 403) {
      return new FinalProviderException(
          Kind.AUTHENTICATION, message + " (check the API key)", http, raw, null);
    }
    if (status == 429 && error.isDailyQuota()) {
      return new FinalProviderException(
          Kind.QUOTA,
          message + " (a per-day quota is spent; it resets at midnight Pacific time)",
          http,
          raw,
          null);
    }
    return switch (status) {
      case 408, 409, 425, 429, 500, 502, 503, 504, 529 ->
          new RetryableProviderException(message, http, raw, delay(headers, error), null);
      case 501, 505 -> new FinalProviderException(Kind.REQUEST, message, http, raw, null);
      default -> {
        if (status >= 500) {
          yield new RetryableProviderException(message, http, raw, delay(headers, error), null);
        }
        if (status >= 300 && status < 400) {
          String location = headers.firstValue("location").orElse("another address");
          yield new FinalProviderException(
              Kind.REQUEST,
              message
                  + "; redirected to "
                  + redact(location)
                  + ": set base_url to the final address",
              http,
              raw,
              null);
        }
        yield new FinalProviderException(Kind.REQUEST, message, http, raw, null);
      }
    };
  }

  /** A 2xx whose body is not a usable answer: the next attempt may get a good one. */
  RetryableProviderException malformed(int status, HttpHeaders headers, String body, String why) {
    return new RetryableProviderException(
        providerName + ": HTTP " + status + " with " + why,
        OptionalInt.of(status),
        Optional.of(redactor.redact(body)),
        RetryAfter.from(headers, clock),
        null);
  }

  /** The model spent its whole output budget (thinking included) before writing any text. */
  FinalProviderException outOfTokens(int status, String body, OptionalInt maxTokens) {
    String limit = maxTokens.isPresent() ? " (" + maxTokens.getAsInt() + ")" : "";
    return new FinalProviderException(
        Kind.REQUEST,
        providerName
            + ": the answer is empty because the model spent max_tokens"
            + limit
            + " before writing any text (Gemini 2.5 and later think first, and thinking counts"
            + " against maxOutputTokens): raise max_tokens",
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

  private Optional<Duration> delay(HttpHeaders headers, ErrorBody error) {
    return RetryAfter.from(headers, clock, error.retryDelay());
  }

  private String message(String status, ErrorBody error) {
    StringBuilder m = new StringBuilder(providerName).append(": ").append(status);
    error.status().ifPresent(s -> m.append(" (").append(s).append(')'));
    error.message().ifPresent(text -> m.append(": ").append(OpenAiErrors.truncate(redact(text))));
    return m.toString();
  }

  private String redact(String text) {
    return GOOGLE_KEY.matcher(redactor.redactMessage(text)).replaceAll("AIza" + Redactor.MASK);
  }

  /**
   * The parts of a {@code google.rpc.Status} error body that decide its class.
   *
   * @param message Google's message
   * @param status the canonical status name ({@code RESOURCE_EXHAUSTED})
   * @param reasons {@code ErrorInfo.reason}s ({@code API_KEY_INVALID})
   * @param quotaIds {@code QuotaFailure} violations' quota ids
   * @param retryDelay {@code RetryInfo.retryDelay}
   */
  record ErrorBody(
      Optional<String> message,
      Optional<String> status,
      List<String> reasons,
      List<String> quotaIds,
      Optional<Duration> retryDelay) {

    ErrorBody {
      reasons = List.copyOf(reasons);
      quotaIds = List.copyOf(quotaIds);
    }

    boolean isBadKey() {
      return reasons.stream().anyMatch(r -> r.startsWith("API_KEY_"))
          || message.filter(m -> m.contains("API key not valid")).isPresent();
    }

    boolean isDailyQuota() {
      return quotaIds.stream().anyMatch(id -> id.contains("PerDay"));
    }

    static ErrorBody parse(String body) {
      JsonNode root;
      try {
        root = JSON.readTree(body);
      } catch (JacksonException e) {
        return new ErrorBody(text(body), Optional.empty(), List.of(), List.of(), Optional.empty());
      }
      if (root != null && root.isArray() && !root.isEmpty()) {
        root = root.get(0); // some Google front ends wrap the status in a one-element array
      }
      JsonNode error = root == null ? null : root.path("error");
      if (error == null || !error.isObject()) {
        return new ErrorBody(
            error != null && error.isTextual() ? text(error.asText()) : Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of(),
            Optional.empty());
      }
      List<String> reasons = new ArrayList<>();
      List<String> quotaIds = new ArrayList<>();
      Optional<Duration> retryDelay = Optional.empty();
      for (JsonNode detail : error.path("details")) {
        String type = detail.path("@type").asText("");
        if (type.endsWith("google.rpc.ErrorInfo")) {
          field(detail, "reason").ifPresent(reasons::add);
        } else if (type.endsWith("google.rpc.QuotaFailure")) {
          detail.path("violations").forEach(v -> field(v, "quotaId").ifPresent(quotaIds::add));
        } else if (type.endsWith("google.rpc.RetryInfo")) {
          retryDelay = field(detail, "retryDelay").flatMap(RetryAfter::resetValue);
        }
      }
      return new ErrorBody(
          field(error, "message"), field(error, "status"), reasons, quotaIds, retryDelay);
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
