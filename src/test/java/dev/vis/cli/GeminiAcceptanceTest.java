package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.FakeHttpServer;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.GeminiBodies;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gemini ({@code provider: gemini}) with Google Search grounding through the shared acceptance
 * suite.
 *
 * <p>Grounding chunks carry Google redirect URIs, so the stored citation URL is the redirect (the
 * only address vis has without following it) while the domain, and so the brand, comes from the
 * chunk's title.
 */
class GeminiAcceptanceTest extends ProviderAcceptanceSuite {
  static final String KEY = "AIzaSyAcceptance0123456789abcdefghijk";
  static final String TEXT =
      """
      The best CRMs for most teams:

      1. **Acme CRM**: simple and affordable.
      2. **Globex**: strong reporting.
      """;
  static final String ACME = GeminiBodies.redirect("acme-pricing");
  static final String GLOBEX = GeminiBodies.redirect("globex-reports");
  static final String REVIEWS = GeminiBodies.redirect("crm-reviews");

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
              - id: flash
                provider: gemini
                model: gemini-2.5-flash
                max_tokens: 400
                web_search: true
            providers:
              gemini:
                base_url: %s
            """
            .formatted(server.url("/v1beta"));
      }

      @Override
      public Map<String, String> env() {
        return Map.of("GEMINI_API_KEY", KEY);
      }

      @Override
      public Reply success() {
        return GeminiBodies.answer()
            .thought("**Comparing CRMs** for small teams")
            .text(TEXT)
            .usage(31, 58, 120, 90)
            .query("best CRM for small teams")
            .source(ACME, "acme.com")
            .source(GLOBEX, "globex.com")
            .source(REVIEWS, "crm-reviews.example")
            .support("**Acme CRM**: simple and affordable.", 0)
            .support("**Globex**: strong reporting.", 1)
            .reply();
      }

      @Override
      public Expected expected() {
        // Input counts the tool-use prompt, output the thoughts; Google bills one grounded prompt.
        return new Expected(
            "gemini-2.5-flash",
            31 + 90,
            58 + 120,
            1,
            true,
            List.of(ACME, GLOBEX),
            List.of(REVIEWS));
      }

      @Override
      public Reply rateLimited(Duration delay) {
        return GeminiBodies.rateLimited(delay.toSeconds() + "s");
      }

      @Override
      public Reply quotaExhausted() {
        return GeminiBodies.dailyQuotaSpent();
      }

      @Override
      public Reply serverError() {
        return GeminiBodies.overloaded();
      }

      @Override
      public Reply authError() {
        return GeminiBodies.invalidApiKey();
      }
    };
  }

  @Test
  void attributes_redirect_citations_to_brands_by_the_chunk_title() throws Exception {
    CommandHarness.Result run = vis.run("run", spec.toString(), "--progress", "none");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(server.requests())
        .allSatisfy(r -> assertThat(r.query()).doesNotContain(KEY))
        .allSatisfy(r -> assertThat(r.header("x-goog-api-key")).contains(KEY));
    assertThat(
            rows(
                "SELECT url, domain, brand, kind FROM citations"
                    + " WHERE task_id = (SELECT min(id) FROM tasks) ORDER BY ord"))
        .containsExactly(
            List.of(ACME, "acme.com", "Acme CRM", "cited"),
            List.of(GLOBEX, "globex.com", "Globex", "cited"),
            List.of(REVIEWS, "crm-reviews.example", "", "retrieved"));
    assertThat(rows("SELECT count(*) FROM answers WHERE text LIKE '%Comparing CRMs%'"))
        .as("thought summaries are not answer text")
        .containsExactly(List.of("0"));
  }

  private List<List<String>> rows(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vis.db"))) {
      ResultSet rs = c.createStatement().executeQuery(sql);
      List<List<String>> rows = new ArrayList<>();
      int width = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          row.add(rs.getString(i) == null ? "" : rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
