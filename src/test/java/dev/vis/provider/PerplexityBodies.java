package dev.vis.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vis.provider.FakeHttpServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Response bodies shaped like Perplexity's Sonar API sends them: a chat completion with top-level
 * {@code citations} and {@code search_results}, and the errors of its API and of its proxy.
 */
public final class PerplexityBodies {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /**
   * The page Perplexity's proxy (openresty behind Cloudflare) sends for a wrong key, and for every
   * key of an account whose API credit is spent.
   */
  public static final String UNAUTHORIZED_HTML =
      """
      <html>
      <head><title>401 Authorization Required</title></head>
      <body>
      <center><h1>401 Authorization Required</h1></center>
      <hr><center>openresty/1.27.4</center>
      <script>(function(){window.__CF$cv$params={r:'9a0b1c2d3e4f5a6b'};})();</script></body>
      </html>
      """;

  private PerplexityBodies() {}

  /** One entry of {@code search_results}. */
  public record SearchResult(String title, String url, String date) {}

  /**
   * A Sonar chat completion.
   *
   * @param citations the top-level {@code citations} (the URLs {@code [n]} markers index)
   * @param results the top-level {@code search_results}
   * @param usage extra {@code usage} fields beside prompt and completion tokens
   */
  public static String completion(
      String model,
      String text,
      String finishReason,
      long promptTokens,
      long completionTokens,
      List<String> citations,
      List<SearchResult> results,
      Map<String, Object> usage) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "3c90c3cc-0d44-4b50-8888-8dd25736052a");
    root.put("model", model);
    root.put("created", 1_763_800_000L);
    ObjectNode u = root.putObject("usage");
    u.put("prompt_tokens", promptTokens);
    u.put("completion_tokens", completionTokens);
    u.put("total_tokens", promptTokens + completionTokens);
    usage.forEach((name, value) -> u.set(name, JSON.valueToTree(value)));
    ArrayNode cites = root.putArray("citations");
    citations.forEach(cites::add);
    ArrayNode search = root.putArray("search_results");
    for (SearchResult r : results) {
      search.addObject().put("title", r.title()).put("url", r.url()).put("date", r.date());
    }
    root.put("object", "chat.completion");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.put("finish_reason", finishReason);
    choice.putObject("message").put("role", "assistant").put("content", text);
    choice.putObject("delta").put("role", "assistant").put("content", "");
    return root.toString();
  }

  /** A Sonar completion whose search results are its citations, titled by their host. */
  public static String completion(
      String model, String text, long promptTokens, long completionTokens, List<String> citations) {
    List<SearchResult> results =
        citations.stream().map(url -> new SearchResult(title(url), url, "2025-10-01")).toList();
    return completion(
        model,
        text,
        "stop",
        promptTokens,
        completionTokens,
        citations,
        results,
        Map.of("search_context_size", "low"));
  }

  private static String title(String url) {
    return "About " + url.replaceAll("https?://", "");
  }

  /** Perplexity's JSON error body: {@code code} is the HTTP status as a number. */
  public static String error(String message, String type, int code) {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("error").put("message", message).put("type", type).put("code", code);
    return root.toString();
  }

  /** The 401 page for a wrong key or a spent credit. */
  public static Reply unauthorized() {
    return new Reply(
        401,
        Map.of("content-type", "text/html"),
        UNAUTHORIZED_HTML,
        Duration.ZERO,
        FakeHttpServer.Fault.NONE);
  }

  /**
   * A 402 for a spent credit. Not observed from Perplexity itself, which blocks the keys of an
   * account without credit (the {@linkplain #unauthorized 401 page}); it is what OpenAI-compatible
   * routers send, and the one quota signal a Perplexity endpoint can give that is not a 401.
   */
  public static Reply paymentRequired() {
    return Reply.json(402, error("Insufficient credits", "insufficient_quota", 402));
  }

  /** A 429 asking the client to wait {@code delay}. */
  public static Reply rateLimited(Duration delay) {
    return Reply.json(429, error("Rate limit exceeded", "rate_limit_error", 429))
        .withHeader("retry-after", String.valueOf(delay.toSeconds()));
  }

  /** A 500 in Perplexity's JSON error shape. */
  public static Reply serverError() {
    return Reply.json(500, error("Internal server error", "internal_server_error", 500));
  }
}
