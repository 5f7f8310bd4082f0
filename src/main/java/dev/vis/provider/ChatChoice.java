package dev.vis.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The first choice of a Chat Completions response, read the way every OpenAI-shaped provider reads
 * it (a body without {@code choices[0].message} is malformed), and the request body they share.
 *
 * @param finishReason {@code choices[0].finish_reason}, when given
 * @param content the message content with {@code <think>} blocks stripped ("" when none)
 * @param message {@code choices[0].message}
 */
record ChatChoice(Optional<String> finishReason, String content, JsonNode message) {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /**
   * Reads the first choice of {@code reply}.
   *
   * @throws RetryableProviderException when the body has no {@code choices[0].message}
   */
  static ChatChoice read(JsonReply reply) throws RetryableProviderException {
    JsonNode choices = reply.root().path("choices");
    if (!choices.isArray() || choices.isEmpty()) {
      throw reply.malformed("no choices in the body");
    }
    JsonNode choice = choices.get(0);
    JsonNode message = choice.path("message");
    if (!message.isObject()) {
      throw reply.malformed("no message in choices[0]");
    }
    return new ChatChoice(
        JsonFields.text(choice.path("finish_reason")),
        ThinkBlocks.strip(content(message.path("content"))),
        message);
  }

  /**
   * A request body with the model and the messages: the system prompt, when set, and the user's.
   */
  static ObjectNode request(ProviderRequest request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", request.model());
    var messages = body.putArray("messages");
    request.system().ifPresent(s -> messages.addObject().put("role", "system").put("content", s));
    messages.addObject().put("role", "user").put("content", request.prompt());
    return body;
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
