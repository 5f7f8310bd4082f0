package dev.vis.provider;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * The first choice of a Chat Completions response, read the way every OpenAI-shaped provider reads
 * it: a non-2xx status is classified, a body that is not JSON or has no {@code choices[0].message}
 * is a retryable malformed answer.
 *
 * @param status the HTTP status
 * @param raw the body as received
 * @param root the parsed body
 * @param finishReason {@code choices[0].finish_reason}, when given
 * @param content the message content with {@code <think>} blocks stripped ("" when none)
 * @param message {@code choices[0].message}
 */
record ChatChoice(
    int status,
    String raw,
    JsonNode root,
    Optional<String> finishReason,
    String content,
    JsonNode message) {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /**
   * Reads {@code response}.
   *
   * @throws ProviderException when the status is not 2xx or the body is not a usable completion
   */
  static ChatChoice read(HttpResponse<String> response, OpenAiErrors errors)
      throws ProviderException {
    int status = response.statusCode();
    String raw = response.body() == null ? "" : response.body();
    if (status < 200 || status >= 300) {
      throw errors.forStatus(status, response.headers(), raw);
    }
    JsonNode root;
    try {
      root = JSON.readTree(raw);
    } catch (JacksonException e) {
      throw errors.malformed(status, response.headers(), raw, "a body that is not valid JSON");
    }
    JsonNode choices = root == null ? null : root.path("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      throw errors.malformed(status, response.headers(), raw, "no choices in the body");
    }
    JsonNode choice = choices.get(0);
    JsonNode message = choice.path("message");
    if (!message.isObject()) {
      throw errors.malformed(status, response.headers(), raw, "no message in choices[0]");
    }
    return new ChatChoice(
        status,
        raw,
        root,
        JsonText.of(choice.path("finish_reason")),
        ThinkBlocks.strip(content(message.path("content"))),
        message);
  }

  /** A message's content: a string, or (some compatible servers) an array of text parts. */
  private static String content(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      StringBuilder out = new StringBuilder();
      content.forEach(
          part -> out.append(part.isTextual() ? part.asText() : part.path("text").asText("")));
      return out.toString();
    }
    return "";
  }
}
