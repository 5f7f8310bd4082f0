package dev.vis.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A 2xx response whose body is a JSON object, with the errors of the provider that received it, to
 * report what is wrong with the answer inside.
 *
 * @param status the HTTP status
 * @param raw the body exactly as received
 * @param root the parsed body, a JSON object
 * @param headers the response headers
 * @param errors the provider's errors
 */
record JsonReply(
    int status, String raw, JsonNode root, HttpHeaders headers, ProviderErrors errors) {

  /** A response header, when sent and not blank. */
  Optional<String> header(String name) {
    return headers.firstValue(name).filter(value -> !value.isBlank());
  }

  /** The body holds no usable answer, for {@code why}: a retryable failure keeping the body. */
  RetryableProviderException malformed(String why) {
    return errors.malformed(status, headers, raw, why);
  }

  /** The model spent its {@code max_tokens} before writing any text: a final failure. */
  FinalProviderException outOfTokens(OptionalInt maxTokens) {
    return errors.outOfTokens(status, raw, maxTokens);
  }
}
