package dev.vis.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The Anthropic Messages wire format ({@code POST {base_url}/messages} with {@code x-api-key} and
 * {@code anthropic-version}), with Anthropic's server-side web search tool when the model may
 * search.
 *
 * <p>Anthropic requires {@code max_tokens}: a model without one is asked with {@value
 * #DEFAULT_MAX_TOKENS}. The system prompt goes at the top level. One call is one HTTP request;
 * errors are classified by {@link AnthropicErrors}. Immutable and thread-safe.
 */
final class AnthropicProvider implements Provider {
  /** The API version vis speaks (the only stable one). */
  static final String API_VERSION = "2023-06-01";

  /** {@code max_tokens} for a model whose spec sets none. */
  static final int DEFAULT_MAX_TOKENS = ProviderFacts.ANTHROPIC_DEFAULT_MAX_TOKENS;

  /** The web search tool vis offers: at most this many searches per answer. */
  static final int MAX_SEARCHES = 5;

  static final String WEB_SEARCH_TOOL = "web_search_20250305";

  /** A declined request ends with {@code stop_reason: refusal}, its text empty or partial. */
  private static final StopReasons STOPS =
      new StopReasons("the content", "max_tokens", Set.of("refusal"));

  private final URI messages;
  private final Clock clock;
  private final JsonPost http;

  /**
   * @param connection the base URL up to {@code /v1}; the key is sent as {@code x-api-key}, and the
   *     spec's headers may override {@code anthropic-version} or add {@code anthropic-beta}
   * @throws VisException (usage) when a header cannot be sent (a restricted or malformed name)
   */
  AnthropicProvider(Connection connection) {
    this.messages = connection.resolve("/messages");
    this.clock = connection.clock();
    Map<String, String> headers = new LinkedHashMap<>(connection.keyHeader("x-api-key", ""));
    headers.put("anthropic-version", API_VERSION);
    this.http = new JsonPost(connection, headers, new AnthropicErrors(connection));
  }

  @Override
  public ProviderAnswer call(ProviderRequest request)
      throws ProviderException, InterruptedException {
    JsonReply reply = http.send(messages, body(request), request.timeout());
    JsonNode root = reply.tree();
    JsonNode content = root.path("content");
    if (!content.isArray()) {
      throw reply.malformed("no content in the body");
    }
    Optional<String> stopReason = JsonFields.text(root.path("stop_reason"));
    AnthropicContent answer = AnthropicContent.read(content);
    if (stopReason.filter("pause_turn"::equals).isPresent()) {
      // A long server-tool turn was paused half-way; its text is not a finished answer.
      throw reply.malformed("stop_reason pause_turn (the turn was not finished)");
    }
    STOPS.require(reply, answer.text(), stopReason, OptionalInt.of(maxTokens(request)));
    JsonNode usage = root.path("usage");
    int searches =
        Math.clamp(
            usage.path("server_tool_use").path("web_search_requests").asLong(0),
            0,
            Integer.MAX_VALUE);
    return new ProviderAnswer(
        answer.text(),
        reply.raw(),
        reply.status(),
        inputTokens(usage),
        JsonFields.count(usage.path("output_tokens")),
        stopReason,
        reply.header("request-id").or(() -> JsonFields.text(root.path("id"))),
        JsonFields.text(root.path("model")),
        answer.citations(),
        searches > 0 || answer.searched(),
        searches,
        AnthropicRateLimits.from(reply.headers(), clock));
  }

  static String body(ProviderRequest request) {
    ObjectNode body = ProviderJson.trees().createObjectNode();
    body.put("model", request.model());
    body.put("max_tokens", maxTokens(request));
    request.system().ifPresent(s -> body.put("system", s));
    body.putArray("messages").addObject().put("role", "user").put("content", request.prompt());
    if (request.temperature().isPresent()) {
      body.put("temperature", request.temperature().getAsDouble());
    }
    if (request.webSearch()) {
      body.putArray("tools")
          .addObject()
          .put("type", WEB_SEARCH_TOOL)
          .put("name", "web_search")
          .put("max_uses", MAX_SEARCHES);
    }
    return ProviderJson.object(body);
  }

  private static int maxTokens(ProviderRequest request) {
    return request.maxTokens().orElse(DEFAULT_MAX_TOKENS);
  }

  /** Every input token billed: fresh, written to the prompt cache, and read from it. */
  private static OptionalLong inputTokens(JsonNode usage) {
    OptionalLong input = JsonFields.count(usage.path("input_tokens"));
    if (input.isEmpty()) {
      return input;
    }
    return OptionalLong.of(
        input.getAsLong()
            + JsonFields.count(usage.path("cache_creation_input_tokens")).orElse(0)
            + JsonFields.count(usage.path("cache_read_input_tokens")).orElse(0));
  }
}
