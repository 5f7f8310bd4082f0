package dev.vis.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vis.provider.FakeHttpServer.Reply;
import java.time.Duration;
import java.util.List;

/**
 * Response bodies shaped like the Anthropic Messages API's real ones (content blocks, usage, error
 * bodies), for fake servers in tests.
 */
public final class AnthropicBodies {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private AnthropicBodies() {}

  /** A web page as search results and citations name it. */
  public record Source(String url, String title) {}

  /** A {@code text} block citing {@code cited} with {@code web_search_result_location}s. */
  public static JsonNode text(String text, Source... cited) {
    ObjectNode block = JSON.createObjectNode().put("type", "text").put("text", text);
    if (cited.length > 0) {
      ArrayNode citations = block.putArray("citations");
      for (Source s : cited) {
        citations
            .addObject()
            .put("type", "web_search_result_location")
            .put("cited_text", "A passage of " + s.title() + ".")
            .put("url", s.url())
            .put("title", s.title())
            .put("encrypted_index", "EqcBCioIAhgBIiQ0NGFl");
      }
    }
    return block;
  }

  /** A {@code thinking} block (extended thinking), which is not answer text. */
  public static JsonNode thinking(String thought) {
    return JSON.createObjectNode()
        .put("type", "thinking")
        .put("thinking", thought)
        .put("signature", "EqQBCgIYAhIM1gbcDa9GJwZA2b3h");
  }

  /** A {@code redacted_thinking} block. */
  public static JsonNode redactedThinking() {
    return JSON.createObjectNode().put("type", "redacted_thinking").put("data", "EmwKAhgBEgy3va3p");
  }

  /** The {@code server_tool_use} block in which the model asks for a web search. */
  public static JsonNode searchCall(String query) {
    ObjectNode block =
        JSON.createObjectNode()
            .put("type", "server_tool_use")
            .put("id", "srvtoolu_01WYG3ziw53XMcoyKL4XcZmE")
            .put("name", "web_search");
    block.putObject("input").put("query", query);
    return block;
  }

  /** The {@code web_search_tool_result} block listing what the search found. */
  public static JsonNode searchResults(Source... found) {
    ObjectNode block =
        JSON.createObjectNode()
            .put("type", "web_search_tool_result")
            .put("tool_use_id", "srvtoolu_01WYG3ziw53XMcoyKL4XcZmE");
    ArrayNode content = block.putArray("content");
    for (Source s : found) {
      content
          .addObject()
          .put("type", "web_search_result")
          .put("url", s.url())
          .put("title", s.title())
          .put("encrypted_content", "EqgfCioIARgBIiQ3YTAwMjY1")
          .put("page_age", "April 30, 2025");
    }
    return block;
  }

  /** A {@code web_search_tool_result} carrying an error instead of results. */
  public static JsonNode searchError(String code) {
    ObjectNode block =
        JSON.createObjectNode()
            .put("type", "web_search_tool_result")
            .put("tool_use_id", "srvtoolu_01WYG3ziw53XMcoyKL4XcZmE");
    block.putObject("content").put("type", "web_search_tool_result_error").put("error_code", code);
    return block;
  }

  /**
   * A whole message.
   *
   * @param searches {@code usage.server_tool_use.web_search_requests}; negative leaves it out
   */
  public static String message(
      String model,
      List<JsonNode> content,
      String stopReason,
      long inputTokens,
      long outputTokens,
      int searches) {
    ObjectNode body =
        JSON.createObjectNode()
            .put("id", "msg_01XFDUDYJgAACzvnptvVoYEL")
            .put("type", "message")
            .put("role", "assistant")
            .put("model", model);
    body.putArray("content").addAll(content);
    body.put("stop_reason", stopReason).putNull("stop_sequence");
    ObjectNode usage =
        body.putObject("usage")
            .put("input_tokens", inputTokens)
            .put("cache_creation_input_tokens", 0)
            .put("cache_read_input_tokens", 0)
            .put("output_tokens", outputTokens);
    if (searches >= 0) {
      usage.putObject("server_tool_use").put("web_search_requests", searches);
    }
    usage.put("service_tier", "standard");
    return body.toString();
  }

  /** A plain answer without searches. */
  public static String message(String model, String text, String stopReason, long in, long out) {
    return message(model, List.of(text(text)), stopReason, in, out, -1);
  }

  /** Anthropic's error body. */
  public static String error(String type, String message) {
    ObjectNode body = JSON.createObjectNode().put("type", "error");
    body.putObject("error").put("type", type).put("message", message);
    return body.put("request_id", "req_011CSHoEeqs5C35K2UUqR7Fy").toString();
  }

  public static Reply rateLimited(Duration retryAfter) {
    return Reply.json(
            429,
            error(
                "rate_limit_error",
                "This request would exceed the rate limit for your organization of 50 requests"
                    + " per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits."))
        .withHeader("retry-after", String.valueOf(retryAfter.toSeconds()))
        .withHeader("anthropic-ratelimit-requests-limit", "50")
        .withHeader("anthropic-ratelimit-requests-remaining", "0");
  }

  public static Reply overloaded() {
    return Reply.json(529, error("overloaded_error", "Overloaded"));
  }

  public static Reply apiError() {
    return Reply.json(500, error("api_error", "Internal server error"));
  }

  public static Reply invalidKey() {
    return Reply.json(401, error("authentication_error", "invalid x-api-key"));
  }

  public static Reply permissionDenied() {
    return Reply.json(
        403,
        error(
            "permission_error",
            "Your API key does not have permission to use the specified" + " resource."));
  }

  public static Reply billing() {
    return Reply.json(402, error("billing_error", "Your payment could not be processed."));
  }

  public static Reply creditTooLow() {
    return Reply.json(
        400,
        error(
            "invalid_request_error",
            "Your credit balance is too low to access the Anthropic API. Please go to Plans &"
                + " Billing to upgrade or purchase credits."));
  }

  /** A 429 that no wait cures: the organisation's monthly spend limit is reached. */
  public static Reply spendLimitReached() {
    ObjectNode body = JSON.createObjectNode().put("type", "error");
    ObjectNode error =
        body.putObject("error")
            .put("type", "rate_limit_error")
            .put("message", "You have reached your monthly spend limit.");
    error.putObject("details").put("error_code", "enforced_spend_limit_reached");
    return Reply.json(429, body.put("request_id", "req_011CSHoEeqs5C35K2UUqR7Fy").toString());
  }

  public static Reply badRequest(String message) {
    return Reply.json(400, error("invalid_request_error", message));
  }

  public static Reply notFound(String model) {
    return Reply.json(404, error("not_found_error", "model: " + model));
  }
}
