package dev.vis.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vis.provider.FinalProviderException.Kind;
import java.time.Duration;
import java.util.Optional;

/**
 * What an error body says, as a wire format's {@link ProviderErrors#parse} reads it.
 *
 * @param message the provider's own message
 * @param label the code, type or status name shown in brackets after the HTTP status
 * @param retryDelay a delay the body asks for (Gemini's {@code RetryInfo}), when it asks
 * @param verdict a final failure the body decides whatever its status says (a spent quota sent as a
 *     429, a wrong key sent as a 400), when it decides one
 */
record ErrorBody(
    Optional<String> message,
    Optional<String> label,
    Optional<Duration> retryDelay,
    Optional<Verdict> verdict) {

  /**
   * A final failure an error body decides.
   *
   * @param hint what the message adds in brackets: the cause, or what to check
   */
  record Verdict(Kind kind, String hint) {}

  /** A body that asks for no delay and decides nothing beyond its status. */
  static ErrorBody of(Optional<String> message, Optional<String> label) {
    return new ErrorBody(message, label, Optional.empty(), Optional.empty());
  }

  ErrorBody withVerdict(Kind kind, String hint) {
    return new ErrorBody(message, label, retryDelay, Optional.of(new Verdict(kind, hint)));
  }

  /** A field of {@code node} that is a scalar with some text, as text. */
  static Optional<String> field(JsonNode node, String name) {
    JsonNode value = node.path(name);
    return value.isValueNode() && !value.isNull() ? text(value.asText()) : Optional.empty();
  }

  /** {@code s} unless it is null or blank. */
  static Optional<String> text(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }
}
