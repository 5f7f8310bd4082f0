package dev.vis.provider;

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
import java.util.OptionalLong;

/**
 * Perplexity's Sonar API ({@code POST {base_url}/chat/completions}): the Chat Completions format
 * with the web sources of each answer in {@code citations} and {@code search_results}.
 *
 * <p>Every Sonar answer is searched for, so answers that came with sources are {@code grounded},
 * and each answer counts one search: the per-request fee Perplexity bills (for {@code
 * sonar-deep-research}, which bills per search query instead, {@code usage.num_search_queries}).
 * {@code <think>} blocks of the reasoning models and the {@code [n]} markers are taken out of the
 * text (see {@link PerplexityCitations}); the raw body keeps both. Perplexity sends no rate-limit
 * headers. A refused key is a 401 HTML page from its proxy, the same page whether the key is wrong
 * or the account's credit is spent, so both are an authentication failure whose message names the
 * two causes. Immutable and thread-safe.
 */
final class PerplexityProvider implements Provider {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String DEEP_RESEARCH = "sonar-deep-research";

  private final URI completions;
  private final Optional<String> apiKey;
  private final Map<String, String> headers;
  private final HttpClient client;
  private final OpenAiErrors errors;

  /**
   * @param providerName names the provider in error messages
   * @param baseUrl the endpoint up to {@code /chat/completions}: {@code https://api.perplexity.ai}
   * @param apiKey sent as a bearer token when present
   * @param headers extra headers, values already expanded (never logged)
   * @throws VisException (usage) when a header cannot be sent (a restricted or malformed name)
   */
  PerplexityProvider(
      String providerName,
      URI baseUrl,
      Optional<String> apiKey,
      Map<String, String> headers,
      HttpClient client,
      Clock clock) {
    this.completions = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/chat/completions");
    this.apiKey = apiKey;
    this.headers = Map.copyOf(headers);
    this.client = client;
    List<String> secrets = new ArrayList<>(this.headers.values());
    apiKey.ifPresent(secrets::add);
    this.errors =
        new OpenAiErrors(
            providerName,
            new Redactor(secrets),
            clock,
            "check the API key, and that the account has API credit left: Perplexity refuses every"
                + " key of an account whose credit (quota) is spent until credit is added");
    HttpCall.checkHeaders(providerName, completions, this.headers);
  }

  @Override
  public ProviderAnswer call(ProviderRequest request)
      throws ProviderException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(completions)
            .timeout(request.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("User-Agent", "vis");
    apiKey.ifPresent(key -> builder.header("Authorization", "Bearer " + key));
    headers.forEach(builder::setHeader);
    HttpRequest http =
        builder
            .POST(HttpRequest.BodyPublishers.ofString(body(request), StandardCharsets.UTF_8))
            .build();
    return answer(request, HttpCall.send(client, http, request.timeout(), errors));
  }

  /** The request body; Perplexity searches whatever {@code webSearch} says, so it is not sent. */
  static String body(ProviderRequest request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", request.model());
    var messages = body.putArray("messages");
    request.system().ifPresent(s -> messages.addObject().put("role", "system").put("content", s));
    messages.addObject().put("role", "user").put("content", request.prompt());
    request.temperature().ifPresent(t -> body.put("temperature", t));
    request.maxTokens().ifPresent(n -> body.put("max_tokens", n));
    return body.toString();
  }

  private ProviderAnswer answer(ProviderRequest request, HttpResponse<String> response)
      throws ProviderException {
    ChatChoice chat = ChatChoice.read(response, errors);
    int status = chat.status();
    String raw = chat.raw();
    JsonNode root = chat.root();
    Optional<String> finishReason = chat.finishReason();
    PerplexityCitations.Resolved resolved =
        PerplexityCitations.resolve(
            chat.content(), root.path("citations"), root.path("search_results"));
    String text = resolved.text().strip();
    errors.requireAnswer(
        status, response.headers(), raw, text, finishReason, StopReasons.CHAT, request.maxTokens());
    JsonNode usage = root.path("usage");
    return new ProviderAnswer(
        text,
        raw,
        status,
        count(usage.path("prompt_tokens")),
        outputTokens(usage),
        finishReason,
        JsonText.of(root.path("id")).or(() -> response.headers().firstValue("x-request-id")),
        resolved.sources(),
        !resolved.sources().isEmpty(),
        searches(request.model(), usage),
        RateLimits.none());
  }

  /**
   * Completion tokens plus the top-level {@code usage.reasoning_tokens}: Perplexity meters those
   * apart from {@code completion_tokens} (its deep-research model bills them on their own line),
   * and vis bills reasoning as output.
   */
  private static OptionalLong outputTokens(JsonNode usage) {
    OptionalLong completion = count(usage.path("completion_tokens"));
    OptionalLong reasoning = count(usage.path("reasoning_tokens"));
    return completion.isPresent() && reasoning.isPresent()
        ? OptionalLong.of(completion.getAsLong() + reasoning.getAsLong())
        : completion;
  }

  private static int searches(String model, JsonNode usage) {
    OptionalLong queries = count(usage.path("num_search_queries"));
    if (model.equals(DEEP_RESEARCH) && queries.isPresent()) {
      return (int) Math.min(Integer.MAX_VALUE, Math.max(0, queries.getAsLong()));
    }
    return 1;
  }

  private static OptionalLong count(JsonNode node) {
    return node.isIntegralNumber() && node.asLong() >= 0
        ? OptionalLong.of(node.asLong())
        : OptionalLong.empty();
  }
}
