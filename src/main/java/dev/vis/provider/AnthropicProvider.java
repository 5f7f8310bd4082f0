package dev.vis.provider;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
  static final int DEFAULT_MAX_TOKENS = 1024;

  /** The web search tool vis offers: at most this many searches per answer. */
  static final int MAX_SEARCHES = 5;

  static final String WEB_SEARCH_TOOL = "web_search_20250305";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** A declined request ends with {@code stop_reason: refusal}, its text empty or partial. */
  private static final StopReasons STOPS =
      new StopReasons("the content", "max_tokens", Set.of("refusal"));

  private final URI messages;
  private final String apiKey;
  private final Map<String, String> headers;
  private final HttpClient client;
  private final Clock clock;
  private final AnthropicErrors errors;

  /**
   * @param providerName names the provider in error messages
   * @param baseUrl the endpoint up to {@code /v1}
   * @param apiKey sent as {@code x-api-key}
   * @param headers extra headers, values already expanded (never logged); they may override {@code
   *     anthropic-version} or add {@code anthropic-beta}
   * @throws VisException (usage) when a header cannot be sent (a restricted or malformed name)
   */
  AnthropicProvider(
      String providerName,
      URI baseUrl,
      String apiKey,
      Map<String, String> headers,
      HttpClient client,
      Clock clock) {
    this.messages = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/messages");
    this.apiKey = apiKey;
    this.headers = Map.copyOf(headers);
    this.client = client;
    this.clock = clock;
    List<String> secrets = new ArrayList<>(this.headers.values());
    secrets.add(apiKey);
    this.errors = new AnthropicErrors(providerName, new Redactor(secrets), clock);
    HttpCall.checkHeaders(providerName, messages, this.headers);
  }

  @Override
  public ProviderAnswer call(ProviderRequest request)
      throws ProviderException, InterruptedException {
    HttpResponse<String> response =
        HttpCall.send(client, httpRequest(request), request.timeout(), errors);
    return answer(request, response);
  }

  private HttpRequest httpRequest(ProviderRequest request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(messages)
            .timeout(request.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("User-Agent", "vis")
            .header("x-api-key", apiKey)
            .header("anthropic-version", API_VERSION);
    headers.forEach(builder::setHeader);
    return builder
        .POST(HttpRequest.BodyPublishers.ofString(body(request), StandardCharsets.UTF_8))
        .build();
  }

  static String body(ProviderRequest request) {
    ObjectNode body = JSON.createObjectNode();
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
    return body.toString();
  }

  private static int maxTokens(ProviderRequest request) {
    return request.maxTokens().orElse(DEFAULT_MAX_TOKENS);
  }

  private ProviderAnswer answer(ProviderRequest request, HttpResponse<String> response)
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
    JsonNode content = root == null ? null : root.path("content");
    if (content == null || !content.isArray()) {
      throw errors.malformed(status, response.headers(), raw, "no content in the body");
    }
    Optional<String> stopReason = JsonText.of(root.path("stop_reason"));
    AnthropicContent answer = AnthropicContent.read(content);
    if (stopReason.filter("pause_turn"::equals).isPresent()) {
      // A long server-tool turn was paused half-way; its text is not a finished answer.
      throw errors.malformed(
          status, response.headers(), raw, "stop_reason pause_turn (the turn was not finished)");
    }
    errors.requireAnswer(
        status,
        response.headers(),
        raw,
        answer.text(),
        stopReason,
        STOPS,
        OptionalInt.of(maxTokens(request)));
    JsonNode usage = root.path("usage");
    int searches =
        Math.clamp(
            usage.path("server_tool_use").path("web_search_requests").asLong(0),
            0,
            Integer.MAX_VALUE);
    return new ProviderAnswer(
        answer.text(),
        raw,
        status,
        inputTokens(usage),
        count(usage.path("output_tokens")),
        stopReason,
        response.headers().firstValue("request-id").or(() -> JsonText.of(root.path("id"))),
        answer.citations(),
        searches > 0 || answer.searched(),
        searches,
        AnthropicRateLimits.from(response.headers(), clock));
  }

  /** Every input token billed: fresh, written to the prompt cache, and read from it. */
  private static OptionalLong inputTokens(JsonNode usage) {
    OptionalLong input = count(usage.path("input_tokens"));
    if (input.isEmpty()) {
      return input;
    }
    return OptionalLong.of(
        input.getAsLong()
            + count(usage.path("cache_creation_input_tokens")).orElse(0)
            + count(usage.path("cache_read_input_tokens")).orElse(0));
  }

  private static OptionalLong count(JsonNode node) {
    return node.isNumber() && node.canConvertToLong() && node.asLong() >= 0
        ? OptionalLong.of(node.asLong())
        : OptionalLong.empty();
  }
}
