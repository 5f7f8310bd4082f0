package dev.vis.provider;

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
    ChatCompletion completion = ChatCompletion.read(reply);
    ChatChoice chat = completion.first();
    String text =
        chat.content().isEmpty() ? chat.refusal().map(String::strip).orElse("") : chat.content();
    StopReasons.CHAT.require(reply, text, chat.finishReason(), request.maxTokens());
    ChatUsage usage = completion.usage();
    return new ProviderAnswer(
        text,
        reply.raw(),
        reply.status(),
        usage.promptTokens(),
        usage.outputTokens(),
        chat.finishReason(),
        reply.header("x-request-id").or(completion::id),
        completion.model(),
        List.of(),
        false,
        0,
        OpenAiRateLimits.from(reply.headers()));
  }

  static String body(ProviderRequest request) {
    boolean reasoning = isReasoningModel(request.model());
    return ProviderJson.object(
        json -> {
          ChatChoice.request(json, request);
          if (request.temperature().isPresent() && !reasoning) {
            json.writeNumberField("temperature", request.temperature().getAsDouble());
          }
          if (request.maxTokens().isPresent()) {
            json.writeNumberField(
                reasoning ? "max_completion_tokens" : "max_tokens", request.maxTokens().getAsInt());
          }
        });
  }
}
