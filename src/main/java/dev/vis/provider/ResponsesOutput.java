package dev.vis.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a Responses API body ({@code POST /responses}, OpenAI's and xAI's) says, read from its
 * {@code output} items: the answer text, the sources it cites and the ones its searches retrieved,
 * how many searches ran, and the token usage.
 *
 * <p>{@code message} items carry {@code output_text} parts (text and {@code url_citation}
 * annotations) or {@code refusal} parts; each {@code web_search_call} item is one search, its
 * {@code action.sources} the pages it retrieved; {@code reasoning} and other items are skipped. An
 * annotation with a position in the text is cited; one without a position (xAI lists every source
 * it read that way when inline citations are off) is only retrieved, as are the URLs of xAI's
 * top-level {@code citations} list.
 *
 * @param text the answer text (output_text parts joined), empty when none
 * @param refusal the refusal text, empty when the model did not refuse
 * @param status the response status ({@code completed}, {@code incomplete}, {@code failed})
 * @param incompleteReason why an incomplete response stopped ({@code max_output_tokens})
 * @param citations cited sources first, then retrieved ones, one per URL
 * @param searches web searches run (xAI's billed count when it reports one)
 * @param inputTokens {@code usage.input_tokens}, when reported
 * @param outputTokens {@code usage.output_tokens} (reasoning included), when reported
 */
record ResponsesOutput(
    String text,
    String refusal,
    Optional<String> status,
    Optional<String> incompleteReason,
    List<ProviderCitation> citations,
    int searches,
    OptionalLong inputTokens,
    OptionalLong outputTokens) {

  ResponsesOutput {
    citations = List.copyOf(citations);
  }

  /** Reads a parsed body; fields that are missing or of the wrong shape are left empty. */
  static ResponsesOutput read(JsonNode root) {
    StringBuilder text = new StringBuilder();
    StringBuilder refusal = new StringBuilder();
    Map<String, ProviderCitation> sources = new LinkedHashMap<>();
    List<String> retrieved = new ArrayList<>();
    int searchItems = 0;
    for (JsonNode item : root.path("output")) {
      switch (item.path("type").asText("")) {
        case "message" -> {
          for (JsonNode part : item.path("content")) {
            switch (part.path("type").asText("")) {
              case "output_text" -> {
                text.append(part.path("text").asText(""));
                for (JsonNode annotation : part.path("annotations")) {
                  annotation(annotation, sources, retrieved);
                }
              }
              case "refusal" -> refusal.append(part.path("refusal").asText(""));
              default -> {}
            }
          }
        }
        case "web_search_call" -> {
          searchItems++;
          JsonNode action = item.path("action");
          action.path("sources").forEach(source -> url(source).ifPresent(retrieved::add));
          // open_page and find actions name the one page they read.
          text(action.path("url")).ifPresent(retrieved::add);
        }
        default -> {}
      }
    }
    root.path("citations").forEach(source -> url(source).ifPresent(retrieved::add));
    retrieved.forEach(
        url -> sources.putIfAbsent(url, new ProviderCitation(url, Optional.empty(), false)));
    JsonNode usage = root.path("usage");
    JsonNode billed = usage.path("server_side_tool_usage_details").path("web_search_calls");
    int searches = billed.isIntegralNumber() && billed.asInt() >= 0 ? billed.asInt() : searchItems;
    List<ProviderCitation> ordered = new ArrayList<>();
    sources.values().stream().filter(ProviderCitation::cited).forEach(ordered::add);
    sources.values().stream().filter(c -> !c.cited()).forEach(ordered::add);
    return new ResponsesOutput(
        text.toString(),
        refusal.toString().strip(),
        text(root.path("status")),
        text(root.path("incomplete_details").path("reason")),
        ordered,
        searches,
        JsonFields.count(usage.path("input_tokens")),
        JsonFields.count(usage.path("output_tokens")));
  }

  private static void annotation(
      JsonNode annotation, Map<String, ProviderCitation> sources, List<String> retrieved) {
    if (!annotation.path("type").asText("").equals("url_citation")) {
      return;
    }
    Optional<String> url = text(annotation.path("url"));
    if (url.isEmpty()) {
      return;
    }
    boolean placed =
        annotation.path("start_index").isIntegralNumber()
            && annotation.path("end_index").isIntegralNumber();
    if (!placed) {
      retrieved.add(url.get());
      return;
    }
    ProviderCitation seen = sources.get(url.get());
    if (seen == null || !seen.cited()) {
      sources.put(url.get(), new ProviderCitation(url.get(), text(annotation.path("title")), true));
    }
  }

  /** A source given as a URL string or as an object with a {@code url}. */
  private static Optional<String> url(JsonNode source) {
    return source.isTextual() ? text(source) : text(source.path("url"));
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank()
        ? Optional.of(node.asText().strip())
        : Optional.empty();
  }
}
