package dev.vis.cli;

import dev.vis.provider.FakeHttpServer;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.FakeOpenAiServer;
import dev.vis.provider.ResponsesBodies;
import dev.vis.provider.ResponsesBodies.Cite;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** OpenAI's Responses API with the web_search tool ({@code web_search: true}) through the suite. */
class OpenAiWebSearchAcceptanceTest extends ProviderAcceptanceSuite {
  static final String KEY = "sk-proj-acceptance-websearch-0123456789";
  static final String TEXT =
      """
      The best CRMs for most teams:

      1. **Acme CRM**: simple and affordable ([acme.com](https://acme.com/pricing?utm_source=openai)).
      2. **Globex**: strong reporting ([globex.com](https://www.globex.com/reports?utm_source=openai)).
      """;

  @Override
  Wire wire() {
    return new Wire() {
      @Override
      public FakeHttpServer start() {
        return FakeHttpServer.start(request -> success())
            .gate(
                request ->
                    request.path().equals("/v1/responses")
                        ? Optional.empty()
                        : Optional.of(Reply.json(404, "{\"error\": \"no such path\"}")));
      }

      @Override
      public String modelsYaml(FakeHttpServer server) {
        return """
            models:
              - id: searcher
                provider: openai
                model: gpt-5-mini
                max_tokens: 2000
                web_search: true
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
            200,
            ResponsesBodies.openAi(
                "gpt-5-mini-2025-08-07",
                TEXT,
                List.of(
                    new Cite("https://acme.com/pricing?utm_source=openai", "Acme CRM pricing"),
                    new Cite("https://www.globex.com/reports?utm_source=openai", "Globex reports")),
                List.of(
                    List.of("https://acme.com/pricing", "https://www.g2.com/categories/crm"),
                    List.of("https://www.capterra.com/crm-software")),
                1_234,
                567,
                320));
      }

      @Override
      public Expected expected() {
        return new Expected(
            "gpt-5-mini",
            1_234,
            567,
            2,
            true,
            List.of("https://acme.com/pricing", "https://www.globex.com/reports"),
            List.of("https://www.g2.com/categories/crm", "https://www.capterra.com/crm-software"));
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
