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
 * The OpenAI Chat Completions wire format ({@code POST {base_url}/chat/completions}), spoken by
 * OpenAI and by OpenAI-compatible servers (Ollama, vLLM, LM Studio, OpenRouter, Groq, Together).
 *
 * <p>One call is one HTTP request; errors are classified by {@link OpenAiErrors}. Immutable and
 * thread-safe.
 */
final class OpenAiChatProvider implements Provider {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final URI completions;
  private final Optional<String> apiKey;
  private final Map<String, String> headers;
  private final HttpClient client;
  private final OpenAiErrors errors;

  /**
   * @param providerName names the provider in error messages
   * @param baseUrl the endpoint up to {@code /v1}
   * @param apiKey sent as a bearer token when present
   * @param headers extra headers, values already expanded (never logged)
   * @throws VisException (usage) when a header cannot be sent (a restricted or malformed name)
   */
  OpenAiChatProvider(
      String providerName,
      URI baseUrl,
      Optional<String> apiKey,
      Map<String, String> headers,
      HttpClient client,
      Clock clock) {
    String base = baseUrl.toString().replaceAll("/+$", "");
    this.completions = URI.create(base + "/chat/completions");
    this.apiKey = apiKey;
    this.headers = Map.copyOf(headers);
    this.client = client;
    List<String> secrets = new ArrayList<>(this.headers.values());
    apiKey.ifPresent(secrets::add);
    this.errors = new OpenAiErrors(providerName, new Redactor(secrets), clock);
    HttpCall.checkHeaders(providerName, completions, this.headers);
  }

  /** Whether the model is an OpenAI reasoning model: no temperature, max_completion_tokens. */
  static boolean isReasoningModel(String model) {
    return model.startsWith("o1")
        || model.startsWith("o3")
        || model.startsWith("o4")
        || model.startsWith("gpt-5");
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
        HttpRequest.newBuilder(completions)
            .timeout(request.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("User-Agent", "vis");
    apiKey.ifPresent(key -> builder.header("Authorization", "Bearer " + key));
    headers.forEach(builder::setHeader);
    return builder
        .POST(HttpRequest.BodyPublishers.ofString(body(request), StandardCharsets.UTF_8))
        .build();
  }

  static String body(ProviderRequest request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", request.model());
    var messages = body.putArray("messages");
    request.system().ifPresent(s -> messages.addObject().put("role", "system").put("content", s));
    messages.addObject().put("role", "user").put("content", request.prompt());
    boolean reasoning = isReasoningModel(request.model());
    if (request.temperature().isPresent() && !reasoning) {
      body.put("temperature", request.temperature().getAsDouble());
    }
    if (request.maxTokens().isPresent()) {
      body.put(reasoning ? "max_completion_tokens" : "max_tokens", request.maxTokens().getAsInt());
    }
    return body.toString();
  }

  private ProviderAnswer answer(ProviderRequest request, HttpResponse<String> response)
      throws ProviderException {
    ChatChoice chat = ChatChoice.read(response, errors);
    int status = chat.status();
    String raw = chat.raw();
    JsonNode root = chat.root();
    JsonNode message = chat.message();
    Optional<String> finishReason = chat.finishReason();
    String text = chat.content();
    if (text.isEmpty()) {
      text = JsonText.of(message.path("refusal")).map(String::strip).orElse("");
    }
    errors.requireAnswer(
        status, response.headers(), raw, text, finishReason, StopReasons.CHAT, request.maxTokens());
    JsonNode usage = root.path("usage");
    return new ProviderAnswer(
        text,
        raw,
        status,
        count(usage.path("prompt_tokens")),
        ChatUsage.outputTokens(usage),
        finishReason,
        response.headers().firstValue("x-request-id").or(() -> JsonText.of(root.path("id"))),
        List.of(),
        false,
        0,
        OpenAiRateLimits.from(response.headers()));
  }

  private static OptionalLong count(JsonNode node) {
    return node.canConvertToLong() && node.isNumber()
        ? OptionalLong.of(node.asLong())
        : OptionalLong.empty();
  }
}
