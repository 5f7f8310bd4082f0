package dev.vis.provider;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * The first choice of a Chat Completions response, read the way every OpenAI-shaped provider reads
 * it (a choice without a {@code message} object holds no answer), and the request body they share.
 *
 * @param finishReason {@code choices[0].finish_reason}, when given
 * @param content the message content with {@code <think>} blocks stripped ("" when none)
 * @param refusal {@code choices[0].message.refusal}, when a non-empty string
 */
record ChatChoice(Optional<String> finishReason, String content, Optional<String> refusal) {

  /**
   * Reads the choice {@code json} is on, leaving it on the choice's last token.
   *
   * @return the choice, or empty when it is not an object or has no {@code message} object
   */
  static Optional<ChatChoice> read(JsonParser json) throws IOException {
    if (json.currentToken() != JsonToken.START_OBJECT) {
      json.skipChildren();
      return Optional.empty();
    }
    Optional<String> finishReason = Optional.empty();
    boolean hasMessage = false;
    String content = "";
    Optional<String> refusal = Optional.empty();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (name.equals("finish_reason")) {
        finishReason = ProviderJson.string(json);
      } else if (name.equals("message") && value == JsonToken.START_OBJECT) {
        hasMessage = true;
        content = "";
        refusal = Optional.empty();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String field = json.currentName();
          json.nextToken();
          switch (field) {
            case "content" -> content = content(json);
            case "refusal" -> refusal = ProviderJson.string(json);
            default -> json.skipChildren();
          }
        }
      } else {
        if (name.equals("message")) {
          hasMessage = false;
        }
        json.skipChildren();
      }
    }
    return hasMessage
        ? Optional.of(new ChatChoice(finishReason, ThinkBlocks.strip(content), refusal))
        : Optional.empty();
  }

  /** Writes the model and the messages: the system prompt, when set, and the user's. */
  static void request(JsonGenerator json, ProviderRequest request) throws IOException {
    json.writeStringField("model", request.model());
    json.writeArrayFieldStart("messages");
    if (request.system().isPresent()) {
      message(json, "system", request.system().get());
    }
    message(json, "user", request.prompt());
    json.writeEndArray();
  }

  private static void message(JsonGenerator json, String role, String content) throws IOException {
    json.writeStartObject();
    json.writeStringField("role", role);
    json.writeStringField("content", content);
    json.writeEndObject();
  }

  /** A message's content: a string, or (some compatible servers) an array of text parts. */
  private static String content(JsonParser json) throws IOException {
    switch (json.currentToken()) {
      case VALUE_STRING:
        return json.getText();
      case START_ARRAY:
        StringBuilder out = new StringBuilder();
        while (json.nextToken() != JsonToken.END_ARRAY) {
          out.append(part(json));
        }
        return out.toString();
      default:
        json.skipChildren();
        return "";
    }
  }

  /** A content part: a string, or an object's {@code text}; anything else is "". */
  private static String part(JsonParser json) throws IOException {
    if (json.currentToken() == JsonToken.VALUE_STRING) {
      return json.getText();
    }
    if (json.currentToken() != JsonToken.START_OBJECT) {
      json.skipChildren();
      return "";
    }
    String text = "";
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      json.nextToken();
      if (name.equals("text")) {
        text = ProviderJson.text(json);
      } else {
        json.skipChildren();
      }
    }
    return text;
  }
}
