package dev.vis.cli;

import static dev.vis.provider.AnthropicBodies.message;
import static dev.vis.provider.AnthropicBodies.searchCall;
import static dev.vis.provider.AnthropicBodies.searchResults;
import static dev.vis.provider.AnthropicBodies.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.AnthropicBodies;
import dev.vis.provider.AnthropicBodies.Source;
import dev.vis.provider.FakeHttpServer;
import dev.vis.provider.FakeHttpServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Anthropic Messages with the web search tool ({@code provider: anthropic, web_search: true})
 * through the shared acceptance suite.
 */
class AnthropicAcceptanceTest extends ProviderAcceptanceSuite {
  static final String KEY = "sk-ant-api03-acceptance-0123456789abcdef";
  static final String MODEL = "claude-sonnet-4-5-20250929";
  static final Source ACME = new Source("https://acme.com/pricing", "Acme CRM pricing");
  static final Source GLOBEX = new Source("https://www.globex.com/reports", "Globex reports");
  static final Source G2 = new Source("https://www.g2.com/categories/crm", "Best CRM software");

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
              - id: sonnet
                provider: anthropic
                model: %s
                max_tokens: 400
                web_search: true
            providers:
              anthropic:
                base_url: %s
            """
            .formatted(MODEL, server.url("/v1"));
      }

      @Override
      public Map<String, String> env() {
        return Map.of("ANTHROPIC_API_KEY", KEY);
      }

      @Override
      public Reply success() {
        return Reply.json(
                200,
                message(
                    MODEL,
                    List.of(
                        text("I'll search for current CRM comparisons."),
                        searchCall("best CRM 2025"),
                        searchResults(ACME, GLOBEX, G2),
                        text("The best CRMs for most teams:\n\n1. "),
                        text("**Acme CRM**: simple and affordable", ACME),
                        text(".\n2. "),
                        text("**Globex**: strong reporting", GLOBEX),
                        text(".")),
                    "end_turn",
                    2051,
                    312,
                    1))
            .withHeader("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy");
      }

      @Override
      public Expected expected() {
        return new Expected(
            MODEL, 2051, 312, 1, true, List.of(ACME.url(), GLOBEX.url()), List.of(G2.url()));
      }

      @Override
      public Reply rateLimited(Duration delay) {
        return AnthropicBodies.rateLimited(delay);
      }

      @Override
      public Reply quotaExhausted() {
        return AnthropicBodies.creditTooLow();
      }

      @Override
      public Reply serverError() {
        return AnthropicBodies.overloaded();
      }

      @Override
      public Reply authError() {
        return AnthropicBodies.invalidKey();
      }
    };
  }

  @Test
  void the_example_spec_is_valid_and_priced() {
    CommandHarness.Result dryRun = vis.run("run", "examples/anthropic.yaml", "--dry-run");

    assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
    assertThat(dryRun.out() + dryRun.err())
        .contains("sonnet-search")
        .doesNotContain("no price")
        .doesNotContain(KEY);
    assertThat(server.requestCount()).as("a dry run calls nothing").isZero();
  }
}
