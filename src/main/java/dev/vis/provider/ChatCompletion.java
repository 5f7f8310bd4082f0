package dev.vis.provider;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Chat Completions response body (OpenAI, xAI, Perplexity and compatible servers), read in one
 * streaming pass without a tree: only what an answer needs is kept, every other value is skipped
 * (its syntax still checked). A field sent twice counts as the last one, as in a tree.
 *
 * @param choice the first choice, or empty when the body has none (or no message in it)
 * @param shapeFault why there is no choice ("no choices in the body", "no message in choices[0]")
 * @param id {@code id}, when a non-empty string
 * @param model {@code model}, when a non-empty string
 * @param usage {@code usage}
 * @param citations Perplexity's {@code citations}, each as text and stripped
 * @param searchResults Perplexity's {@code search_results} that have a URL
 */
record ChatCompletion(
    Optional<ChatChoice> choice,
    String shapeFault,
    Optional<String> id,
    Optional<String> model,
    ChatUsage usage,
    List<String> citations,
    List<SearchResult> searchResults) {

  /**
   * One of Perplexity's {@code search_results}.
   *
   * @param url its {@code url}, stripped, never empty
   * @param title its {@code title}, stripped, when a string that is not blank
   */
  record SearchResult(String url, Optional<String> title) {}

  /**
   * Reads {@code reply}'s body and its first choice.
   *
   * @throws RetryableProviderException when the body is not a JSON object or has no {@code
   *     choices[0].message}
   */
  static ChatCompletion read(JsonReply reply) throws RetryableProviderException {
    ChatCompletion completion = reply.read(ChatCompletion::read);
    if (completion.choice().isEmpty()) {
      throw reply.malformed(completion.shapeFault());
    }
    return completion;
  }

  /** The first choice, which {@link #read(JsonReply)} made sure of. */
  ChatChoice first() {
    return choice.orElseThrow();
  }

  /** Reads the object {@code json} is on, to its end. */
  static ChatCompletion read(JsonParser json) throws IOException {
    Optional<ChatChoice> choice = Optional.empty();
    String fault = "no choices in the body";
    Optional<String> id = Optional.empty();
    Optional<String> model = Optional.empty();
    ChatUsage usage = ChatUsage.NONE;
    List<String> citations = List.of();
    List<SearchResult> searchResults = List.of();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      switch (name) {
        case "choices" -> {
          choice = Optional.empty();
          fault = "no choices in the body";
          if (value == JsonToken.START_ARRAY) {
            if (json.nextToken() != JsonToken.END_ARRAY) {
              choice = ChatChoice.read(json);
              fault = "no message in choices[0]";
              while (json.nextToken() != JsonToken.END_ARRAY) {
                json.skipChildren();
              }
            }
          } else {
            json.skipChildren();
          }
        }
        case "usage" -> usage = ChatUsage.read(json);
        case "id" -> id = ProviderJson.string(json);
        case "model" -> model = ProviderJson.string(json);
        case "citations" -> citations = strings(json);
        case "search_results" -> searchResults = searchResults(json);
        default -> json.skipChildren();
      }
    }
    return new ChatCompletion(choice, fault, id, model, usage, citations, searchResults);
  }

  /** An array's values as text, stripped; anything but an array is none. */
  private static List<String> strings(JsonParser json) throws IOException {
    if (json.currentToken() != JsonToken.START_ARRAY) {
      json.skipChildren();
      return List.of();
    }
    List<String> out = new ArrayList<>();
    while (json.nextToken() != JsonToken.END_ARRAY) {
      out.add(ProviderJson.text(json).strip());
    }
    return out;
  }

  private static List<SearchResult> searchResults(JsonParser json) throws IOException {
    if (json.currentToken() != JsonToken.START_ARRAY) {
      json.skipChildren();
      return List.of();
    }
    List<SearchResult> out = new ArrayList<>();
    while (json.nextToken() != JsonToken.END_ARRAY) {
      if (json.currentToken() != JsonToken.START_OBJECT) {
        json.skipChildren();
        continue;
      }
      String url = "";
      Optional<String> title = Optional.empty();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        json.nextToken();
        switch (name) {
          case "url" -> url = ProviderJson.text(json).strip();
          case "title" -> {
            String t = json.currentToken() == JsonToken.VALUE_STRING ? json.getText() : "";
            json.skipChildren();
            title = t.isBlank() ? Optional.empty() : Optional.of(t.strip());
          }
          default -> json.skipChildren();
        }
      }
      if (!url.isEmpty()) {
        out.add(new SearchResult(url, title));
      }
    }
    return out;
  }
}
