package dev.vis.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vis.provider.FakeHttpServer;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.ResponsesBodies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** xAI Chat Completions ({@code provider: xai}) through the shared acceptance suite. */
class XaiAcceptanceTest extends ProviderAcceptanceSuite {
  static final String KEY = "xai-acceptance-0123456789abcdefSECRET";
  static final String TEXT =
      """
      The best CRMs for most teams:

      1. **Acme CRM**: simple and affordable, see https://acme.com/pricing.
      2. **Globex**: strong reporting, see https://www.globex.com/reports.
      """;

  /** A chat completion as xAI sends it: reasoning tokens reported beside the completion tokens. */
  static String completion(
      String model, String text, long prompt, long completion, long reasoning) {
    ObjectNode root = JsonMapper.builder().build().createObjectNode();
    root.put("id", "3b2c4e8a-5d1f-4a7e-9c0b-6f2d8e1a7b34");
    root.put("object", "chat.completion");
    root.put("created", 1_752_019_200L);
    root.put("model", model);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", text);
    message.put("reasoning_content", "The user wants a CRM recommendation.");
    message.putNull("refusal");
    choice.put("finish_reason", "stop");
    ObjectNode usage = root.putObject("usage");
    usage.put("prompt_tokens", prompt);
    usage.put("completion_tokens", completion);
    usage.put("total_tokens", prompt + completion + reasoning);
    ObjectNode promptDetails = usage.putObject("prompt_tokens_details");
    promptDetails.put("text_tokens", prompt);
    promptDetails.put("cached_tokens", 0);
    ObjectNode completionDetails = usage.putObject("completion_tokens_details");
    completionDetails.put("reasoning_tokens", reasoning);
    usage.put("num_sources_used", 0);
    root.put("system_fingerprint", "fp_0a1b2c3d4e");
    return root.toString();
  }

  /** xAI's 429 for a rate limit, telling the client to wait {@code delay}. */
  static Reply rateLimitedReply(Duration delay) {
    return Reply.json(429, ResponsesBodies.XAI_RATE_LIMITED)
        .withHeader("retry-after", String.valueOf(delay.toSeconds()));
  }

  @Override
  Wire wire() {
    return new Wire() {
      @Override
      public FakeHttpServer start() {
        return FakeHttpServer.start(request -> success())
            .gate(
                request ->
                    request.path().equals("/v1/chat/completions")
                        ? Optional.empty()
                        : Optional.of(Reply.json(404, "{\"error\": \"no such path\"}")));
      }

      @Override
      public String modelsYaml(FakeHttpServer server) {
        return """
            models:
              - id: grok
                provider: xai
                model: grok-3-mini
                max_tokens: 1000
            providers:
              xai:
                base_url: %s
            """
            .formatted(server.url("/v1"));
      }

      @Override
      public Map<String, String> env() {
        return Map.of("XAI_API_KEY", KEY);
      }

      @Override
      public Reply success() {
        return Reply.json(200, completion("grok-3-mini", TEXT, 31, 58, 212));
      }

      @Override
      public Expected expected() {
        return new Expected(
            "grok-3-mini",
            31,
            58 + 212,
            0,
            false,
            List.of("https://acme.com/pricing", "https://www.globex.com/reports"),
            List.of());
      }

      @Override
      public Reply rateLimited(Duration delay) {
        return rateLimitedReply(delay);
      }

      @Override
      public Reply quotaExhausted() {
        return Reply.json(429, ResponsesBodies.XAI_CREDITS_SPENT);
      }

      @Override
      public Reply serverError() {
        return Reply.json(500, ResponsesBodies.XAI_SERVER_ERROR);
      }

      @Override
      public Reply authError() {
        return Reply.json(400, ResponsesBodies.XAI_WRONG_KEY);
      }
    };
  }
}
