package dev.vis.provider;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vis.provider.FinalProviderException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Gemini's {@code google.rpc.Status} error bodies for {@link ProviderErrors}: an invalid key
 * is an authentication failure whatever its status (Google sends it as a 400), a 429 whose {@code
 * QuotaFailure} names a per-day quota is final (waiting minutes will not help), and other 429s wait
 * for {@code RetryInfo.retryDelay}. Messages also blank anything shaped like a Google API key.
 * Immutable and thread-safe.
 */
final class GeminiErrors extends ProviderErrors {
  /** Google API keys: blanked from messages even when they are not the configured key. */
  private static final Pattern GOOGLE_KEY = Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{20,}");

  GeminiErrors(Connection connection) {
    super(
        connection,
        "check the API key",
        "Gemini 2.5 and later think first, and thinking counts against maxOutputTokens");
  }

  @Override
  String redactMessage(String text) {
    return GOOGLE_KEY.matcher(super.redactMessage(text)).replaceAll("AIza" + Redactor.MASK);
  }

  @Override
  ErrorBody parse(int status, String body) {
    Status error = Status.parse(body);
    ErrorBody read =
        new ErrorBody(error.message(), error.status(), error.retryDelay(), Optional.empty());
    if (error.isBadKey()) {
      return read.withVerdict(Kind.AUTHENTICATION, "check the API key");
    }
    if (status == 429 && error.isDailyQuota()) {
      return read.withVerdict(
          Kind.QUOTA, "a per-day quota is spent; it resets at midnight Pacific time");
    }
    return read;
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
  private record Status(
      Optional<String> message,
      Optional<String> status,
      List<String> reasons,
      List<String> quotaIds,
      Optional<Duration> retryDelay) {

    Status {
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

    static Status parse(String body) {
      JsonNode root;
      try {
        root = ProviderJson.trees().readTree(body);
      } catch (JacksonException e) {
        return only(ErrorBody.text(body));
      }
      if (root != null && root.isArray() && !root.isEmpty()) {
        root = root.get(0); // some Google front ends wrap the status in a one-element array
      }
      JsonNode error = root == null ? null : root.path("error");
      if (error == null || !error.isObject()) {
        return only(
            error != null && error.isTextual() ? ErrorBody.text(error.asText()) : Optional.empty());
      }
      List<String> reasons = new ArrayList<>();
      List<String> quotaIds = new ArrayList<>();
      Optional<Duration> retryDelay = Optional.empty();
      for (JsonNode detail : error.path("details")) {
        String type = detail.path("@type").asText("");
        if (type.endsWith("google.rpc.ErrorInfo")) {
          ErrorBody.field(detail, "reason").ifPresent(reasons::add);
        } else if (type.endsWith("google.rpc.QuotaFailure")) {
          detail
              .path("violations")
              .forEach(v -> ErrorBody.field(v, "quotaId").ifPresent(quotaIds::add));
        } else if (type.endsWith("google.rpc.RetryInfo")) {
          retryDelay = ErrorBody.field(detail, "retryDelay").flatMap(RetryAfter::resetValue);
        }
      }
      return new Status(
          ErrorBody.field(error, "message"),
          ErrorBody.field(error, "status"),
          reasons,
          quotaIds,
          retryDelay);
    }

    private static Status only(Optional<String> message) {
      return new Status(message, Optional.empty(), List.of(), List.of(), Optional.empty());
    }
  }
}
