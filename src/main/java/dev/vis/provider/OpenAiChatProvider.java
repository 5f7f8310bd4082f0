package dev.vis.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;

/**
 * The OpenAI Chat Completions wire format ({@code POST {base_url}/chat/completions}), spoken by
 * OpenAI, xAI and OpenAI-compatible servers (Ollama, vLLM, LM Studio, OpenRouter, Groq, Together).
 *
 * <p>One call is one HTTP request; errors are classified by {@link OpenAiErrors}. Immutable and
 * thread-safe.
 */
final class OpenAiChatProvider implements Provider {
  private final URI completions;
  private final JsonPost http;

  /**
   * @param connection the base URL up to {@code /v1}; the key, when set, is sent as a bearer token
   * @throws VisException (usage) when a header cannot be sent (a restricted or malformed name)
   */
  OpenAiChatProvider(Connection connection) {
    this.completions = connection.resolve("/chat/completions");
    this.http = JsonPost.bearer(connection, new OpenAiErrors(connection));
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
    JsonReply reply = http.send(completions, body(request), request.timeout());
    ChatChoice chat = ChatChoice.read(reply);
    String text =
        chat.content().isEmpty()
            ? JsonFields.text(chat.message().path("refusal")).map(String::strip).orElse("")
            : chat.content();
    StopReasons.CHAT.require(reply, text, chat.finishReason(), request.maxTokens());
    JsonNode usage = reply.root().path("usage");
    return new ProviderAnswer(
        text,
        reply.raw(),
        reply.status(),
        JsonFields.count(usage.path("prompt_tokens")),
        ChatUsage.outputTokens(usage),
        chat.finishReason(),
        reply.header("x-request-id").or(() -> JsonFields.text(reply.root().path("id"))),
        JsonFields.text(reply.root().path("model")),
        List.of(),
        false,
        0,
        OpenAiRateLimits.from(reply.headers()));
  }

  static String body(ProviderRequest request) {
    ObjectNode body = ChatChoice.request(request);
    boolean reasoning = isReasoningModel(request.model());
    if (request.temperature().isPresent() && !reasoning) {
      body.put("temperature", request.temperature().getAsDouble());
    }
    if (request.maxTokens().isPresent()) {
      body.put(reasoning ? "max_completion_tokens" : "max_tokens", request.maxTokens().getAsInt());
    }
    return body.toString();
  }
}
