package dev.vis.cli;

import dev.vis.provider.FakeHttpServer;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.ResponsesBodies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** xAI's Responses API with its web_search tool ({@code web_search: true}) through the suite. */
class XaiWebSearchAcceptanceTest extends ProviderAcceptanceSuite {
  static final String TEXT =
      """
      The best CRMs for most teams:

      1. **Acme CRM**: simple and affordable [[1]](https://acme.com/pricing).
      2. **Globex**: strong reporting [[2]](https://www.globex.com/reports).
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
              - id: grok-search
                provider: xai
                model: grok-4-1-fast-reasoning
                max_tokens: 2000
                web_search: true
            providers:
              xai:
                base_url: %s
            """
            .formatted(server.url("/v1"));
      }

      @Override
      public Map<String, String> env() {
        return Map.of("XAI_API_KEY", XaiAcceptanceTest.KEY);
      }

      @Override
      public Reply success() {
        return Reply.json(
            200,
            ResponsesBodies.xai(
                "grok-4-1-fast-reasoning",
                TEXT,
                List.of("https://acme.com/pricing", "https://www.globex.com/reports"),
                List.of(
                    "https://acme.com/pricing",
                    "https://www.globex.com/reports",
                    "https://x.com/i/status/1975607901571199086",
                    "https://www.g2.com/categories/crm"),
                3,
                1_941,
                583,
                380));
      }

      @Override
      public Expected expected() {
        return new Expected(
            "grok-4-1-fast-reasoning",
            1_941,
            583,
            3,
            true,
            List.of("https://acme.com/pricing", "https://www.globex.com/reports"),
            List.of(
                "https://x.com/i/status/1975607901571199086", "https://www.g2.com/categories/crm"));
      }

      @Override
      public Reply rateLimited(Duration delay) {
        return XaiAcceptanceTest.rateLimitedReply(delay);
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
