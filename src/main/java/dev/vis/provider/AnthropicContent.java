package dev.vis.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer inside an Anthropic message's {@code content} blocks: the text of its {@code text}
 * blocks, the sources those blocks cite ({@code web_search_result_location} citations) and the
 * sources the web search returned but the answer did not cite.
 *
 * <p>{@code thinking}, {@code redacted_thinking}, {@code server_tool_use} and {@code
 * web_search_tool_result} blocks are not answer text. Text blocks that follow each other are
 * fragments of one passage (a cited sentence is its own block) and join as they are; text on the
 * far side of a search joins with a blank line.
 *
 * @param text the answer text
 * @param citations cited sources first, then retrieved ones, each URL once
 * @param searched whether a web search returned results
 */
record AnthropicContent(String text, List<ProviderCitation> citations, boolean searched) {

  AnthropicContent {
    citations = List.copyOf(citations);
  }

  static AnthropicContent read(JsonNode content) {
    StringBuilder text = new StringBuilder();
    Map<String, Optional<String>> cited = new LinkedHashMap<>();
    Map<String, Optional<String>> found = new LinkedHashMap<>();
    boolean searched = false;
    boolean breakBefore = false;
    for (JsonNode block : content) {
      switch (block.path("type").asText("")) {
        case "text" -> {
          if (breakBefore && !text.isEmpty()) {
            text.append("\n\n");
          }
          breakBefore = false;
          text.append(block.path("text").asText(""));
          for (JsonNode citation : block.path("citations")) {
            if ("web_search_result_location".equals(citation.path("type").asText(""))) {
              source(citation, cited);
            }
          }
        }
        case "web_search_tool_result" -> {
          breakBefore = true;
          // An error result is an object ({"type": "web_search_tool_result_error", …}).
          JsonNode results = block.path("content");
          if (results.isArray()) {
            searched = true;
            for (JsonNode result : results) {
              if ("web_search_result".equals(result.path("type").asText(""))) {
                source(result, found);
              }
            }
          }
        }
        case "thinking", "redacted_thinking" -> {}
        default -> breakBefore = true;
      }
    }
    List<ProviderCitation> citations = new ArrayList<>();
    cited.forEach((url, title) -> citations.add(new ProviderCitation(url, title, true)));
    found.forEach(
        (url, title) -> {
          if (!cited.containsKey(url)) {
            citations.add(new ProviderCitation(url, title, false));
          }
        });
    return new AnthropicContent(text.toString().strip(), citations, searched);
  }

  private static void source(JsonNode node, Map<String, Optional<String>> into) {
    String url = node.path("url").asText("").strip();
    if (url.isEmpty()) {
      return;
    }
    JsonNode title = node.path("title");
    Optional<String> t =
        title.isTextual() && !title.asText().isBlank()
            ? Optional.of(title.asText().strip())
            : Optional.empty();
    into.merge(url, t, (old, now) -> old.isPresent() ? old : now);
  }
}
