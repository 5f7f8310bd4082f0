package dev.vis.cli;

import dev.vis.provider.FakeHttpServer;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.FakeOpenAiServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** OpenAI Chat Completions ({@code provider: openai}) through the shared acceptance suite. */
class OpenAiChatAcceptanceTest extends ProviderAcceptanceSuite {
  static final String KEY = "sk-proj-acceptance-0123456789abcdef";
  static final String TEXT =
      """
      The best CRMs for most teams:

      1. **Acme CRM**: simple and affordable ([pricing](https://acme.com/pricing?utm_source=openai)).
      2. **Globex**: strong reporting, see https://www.globex.com/reports.
      """;

  @Override
  Wire wire() {
    return new Wire() {
      @Override
      public FakeHttpServer start() {
        return FakeHttpServer.start(request -> success());
      }

      @Override
      public String modelsYaml(FakeHttpServer server) {
        return """
            models:
              - id: mini
                provider: openai
                model: gpt-4o-mini
                max_tokens: 400
            providers:
              openai:
                base_url: %s
            """
            .formatted(server.url("/v1"));
      }

      @Override
      public Map<String, String> env() {
        return Map.of("OPENAI_API_KEY", KEY);
      }

      @Override
      public Reply success() {
        return Reply.json(
            200, FakeOpenAiServer.completionBody("gpt-4o-mini", TEXT, "stop", 31, 58));
      }

      @Override
      public Expected expected() {
        return new Expected(
            "gpt-4o-mini",
            31,
            58,
            0,
            false,
            List.of("https://acme.com/pricing", "https://www.globex.com/reports"),
            List.of());
      }

      @Override
      public Reply rateLimited(Duration delay) {
        return FakeOpenAiServer.rateLimited()
            .withHeader("retry-after", String.valueOf(delay.toSeconds()));
      }

      @Override
      public Reply quotaExhausted() {
        return FakeOpenAiServer.insufficientQuota();
      }

      @Override
      public Reply serverError() {
        return FakeOpenAiServer.serverError();
      }

      @Override
      public Reply authError() {
        return FakeOpenAiServer.invalidApiKey();
      }
    };
  }
}
