package dev.vis.cli;

import dev.vis.provider.FakeHttpServer;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.PerplexityBodies;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Perplexity's Sonar API ({@code provider: perplexity}) through the shared acceptance suite.
 *
 * <p>Perplexity has no quota error of its own: an account whose credit is spent has its keys
 * blocked and gets the same 401 page from its proxy as a wrong key, so {@link Wire#authError()}
 * covers it (final, an authentication failure that stops every model on the key, with a message
 * naming spent credit). The quota case stands in with a 402, which vis reads as a spent quota.
 */
class PerplexityAcceptanceTest extends ProviderAcceptanceSuite {
  static final String KEY = "pplx-acceptance0123456789abcdef0123456789abcdef";
  static final List<String> CITATIONS =
      List.of(
          "https://acme.com/pricing",
          "https://www.techradar.com/best/best-crm-software",
          "https://globex.com/reports");
  static final String TEXT =
      """
      The best CRMs for most teams:

      1. **Acme CRM**: simple and affordable [1].
      2. **Globex**: strong reporting[3].
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
              - id: pro
                provider: perplexity
                model: sonar-pro
                max_tokens: 400
                web_search: true
            providers:
              perplexity:
                base_url: %s
            """
            .formatted(server.url(""));
      }

      @Override
      public Map<String, String> env() {
        return Map.of("PERPLEXITY_API_KEY", KEY);
      }

      @Override
      public Reply success() {
        return Reply.json(200, PerplexityBodies.completion("sonar-pro", TEXT, 27, 64, CITATIONS));
      }

      @Override
      public Expected expected() {
        return new Expected(
            "sonar-pro",
            27,
            64,
            1,
            true,
            List.of(CITATIONS.get(0), CITATIONS.get(2)),
            List.of(CITATIONS.get(1)));
      }

      @Override
      public Reply rateLimited(Duration delay) {
        return PerplexityBodies.rateLimited(delay);
      }

      @Override
      public Reply quotaExhausted() {
        return PerplexityBodies.paymentRequired();
      }

      @Override
      public Reply serverError() {
        return PerplexityBodies.serverError();
      }

      @Override
      public Reply authError() {
        return PerplexityBodies.unauthorized();
      }
    };
  }
}
