package dev.vis.provider;

import static dev.vis.provider.TestSpecs.model;
import static dev.vis.provider.TestSpecs.withWebSearch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vis.VisException;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.FinalProviderException.Kind;
import dev.vis.provider.PerplexityBodies.SearchResult;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.ProviderType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PerplexityProviderTest {
  private static final String KEY = "pplx-test0123456789abcdefSECRET";
  private static final List<String> SOURCES =
      List.of(
          "https://acme.com/pricing",
          "https://www.g2.com/categories/crm",
          "https://globex.com/reports");

  private final FakeHttpServer server =
      FakeHttpServer.start(request -> success("Acme CRM is the pick[1]."));

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static Reply success(String text) {
    return Reply.json(200, PerplexityBodies.completion("sonar-pro", text, 12, 40, SOURCES));
  }

  private Provider provider(ModelSpec model) {
    return TestSpecs.provider(
        Map.of("PERPLEXITY_API_KEY", KEY),
        ProviderType.PERPLEXITY,
        server.url(""),
        model,
        Map.of());
  }

  private Provider provider() {
    return provider(model("pro", "perplexity", "sonar-pro"));
  }

  private static ProviderRequest request(String model) {
    return TestSpecs.question(model, "Be precise.", 0.2, 800, false);
  }

  private ProviderAnswer answer(String body) throws Exception {
    server.enqueue(Reply.json(200, body));
    return provider().call(request("sonar-pro"));
  }

  private ProviderAnswer answer(String text, List<String> citations) throws Exception {
    return answer(PerplexityBodies.completion("sonar-pro", text, 12, 40, citations));
  }

  private <T extends ProviderException> T failure(Reply reply, Class<T> type) {
    server.enqueue(reply);
    return TestSpecs.failure(provider(), request("sonar-pro"), type);
  }

  private static List<String> cited(ProviderAnswer answer) {
    return answer.citations().stream()
        .filter(ProviderCitation::cited)
        .map(ProviderCitation::url)
        .toList();
  }

  private static List<String> retrieved(ProviderAnswer answer) {
    return answer.citations().stream().filter(c -> !c.cited()).map(ProviderCitation::url).toList();
  }

  @Nested
  class Request {
    @Test
    void posts_a_chat_completion_to_the_base_url_without_v1_with_the_bearer_key() throws Exception {
      provider().call(request("sonar-pro"));

      FakeHttpServer.Received sent = server.lastRequest();
      assertThat(sent.method()).isEqualTo("POST");
      assertThat(sent.path()).isEqualTo("/chat/completions");
      assertThat(sent.header("authorization")).contains("Bearer " + KEY);
      JsonNode body = sent.json();
      assertThat(body.path("model").asText()).isEqualTo("sonar-pro");
      assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
      assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Be precise.");
      assertThat(body.path("messages").get(1).path("content").asText()).startsWith("What is");
      assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
      assertThat(body.path("max_tokens").asInt()).isEqualTo(800);
      assertThat(body.has("web_search_options")).isFalse();
    }

    @Test
    void leaves_out_what_the_model_does_not_set() throws Exception {
      JsonNode body =
          JsonMapper.builder()
              .build()
              .readTree(PerplexityProvider.body(TestSpecs.request("sonar", "Hi")));

      assertThat(body.fieldNames()).toIterable().containsExactly("model", "messages");
      assertThat(body.path("messages")).hasSize(1);
    }

    @Test
    void accepts_web_search_either_way_because_perplexity_always_searches() throws Exception {
      ModelSpec searching = withWebSearch(model("pro", "perplexity", "sonar-pro"));
      ProviderAnswer searched = provider(searching).call(request("sonar-pro"));
      ProviderAnswer unsearched = provider().call(request("sonar-pro"));

      assertThat(searched.grounded()).isTrue();
      assertThat(unsearched.grounded()).as("web_search: false cannot turn search off").isTrue();
      assertThat(server.requests())
          .extracting(r -> r.json().toString())
          .allSatisfy(body -> assertThat(body).doesNotContain("search"));
    }

    @Test
    void defaults_to_the_perplexity_endpoint_and_needs_its_key() {
      assertThat(ProviderType.PERPLEXITY.defaultBaseUrl())
          .hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("https://api.perplexity.ai"));
      assertThat(ProviderType.PERPLEXITY.defaultApiKeyEnv()).contains("PERPLEXITY_API_KEY");

      assertThatThrownBy(
              () ->
                  TestSpecs.provider(
                      Map.of(),
                      ProviderType.PERPLEXITY,
                      "https://api.perplexity.ai",
                      model("pro", "perplexity", "sonar-pro"),
                      Map.of()))
          .isInstanceOf(VisException.class)
          .hasMessageContaining("PERPLEXITY_API_KEY");
    }
  }

  @Nested
  class Answer {
    @Test
    void returns_text_usage_finish_reason_request_id_and_the_raw_body() throws Exception {
      ProviderAnswer answer = provider().call(request("sonar-pro"));

      assertThat(answer.text()).isEqualTo("Acme CRM is the pick.");
      assertThat(answer.rawBody()).contains("the pick[1].", "search_results");
      assertThat(answer.httpStatus()).isEqualTo(200);
      assertThat(answer.inputTokens()).hasValue(12);
      assertThat(answer.outputTokens()).hasValue(40);
      assertThat(answer.finishReason()).contains("stop");
      assertThat(answer.requestId()).contains("3c90c3cc-0d44-4b50-8888-8dd25736052a");
      assertThat(answer.grounded()).isTrue();
      assertThat(answer.searches()).as("one request fee per answer").isEqualTo(1);
      assertThat(answer.rateLimits().isEmpty())
          .as("Perplexity sends no rate-limit headers")
          .isTrue();
    }

    @Test
    void cites_the_sources_its_markers_name_and_keeps_the_others_as_retrieved() throws Exception {
      ProviderAnswer answer = answer("Acme CRM[1] leads; Globex[3] follows.", SOURCES);

      assertThat(cited(answer))
          .containsExactly("https://acme.com/pricing", "https://globex.com/reports");
      assertThat(retrieved(answer)).containsExactly("https://www.g2.com/categories/crm");
      assertThat(answer.citations().get(0).title()).contains("About acme.com/pricing");
    }

    @Test
    void cites_every_source_when_the_text_has_no_marker() throws Exception {
      ProviderAnswer answer = answer("Acme CRM leads.", SOURCES);

      assertThat(cited(answer)).containsExactlyElementsOf(SOURCES);
      assertThat(retrieved(answer)).isEmpty();
    }

    @Test
    void keeps_search_results_that_are_not_citations_as_retrieved() throws Exception {
      String body =
          PerplexityBodies.completion(
              "sonar",
              "Acme CRM[1].",
              "stop",
              5,
              9,
              List.of("https://acme.com/pricing"),
              List.of(
                  new SearchResult("Acme pricing", "https://acme.com/pricing", "2025-09-30"),
                  new SearchResult("Globex review", "https://globex.com/review", "2025-08-01")),
              Map.of());

      ProviderAnswer answer = answer(body);

      assertThat(answer.citations())
          .containsExactly(
              new ProviderCitation("https://acme.com/pricing", Optional.of("Acme pricing"), true),
              new ProviderCitation(
                  "https://globex.com/review", Optional.of("Globex review"), false));
    }

    @Test
    void resolves_markers_against_search_results_when_citations_are_missing() throws Exception {
      String body =
          PerplexityBodies.completion(
              "sonar",
              "Globex[2] is cheaper.",
              "stop",
              5,
              9,
              List.of(),
              List.of(
                  new SearchResult("Acme", "https://acme.com/", "2025-09-30"),
                  new SearchResult("Globex", "https://globex.com/", "2025-08-01")),
              Map.of());

      ProviderAnswer answer = answer(body);

      assertThat(answer.text()).isEqualTo("Globex is cheaper.");
      assertThat(cited(answer)).containsExactly("https://globex.com/");
      assertThat(retrieved(answer)).containsExactly("https://acme.com/");
    }

    @Test
    void is_parametric_when_no_source_came_back_yet_still_pays_the_request_fee() throws Exception {
      ProviderAnswer answer = answer("Acme CRM leads [1].", List.of());

      assertThat(answer.text()).as("an unresolved marker stays").isEqualTo("Acme CRM leads [1].");
      assertThat(answer.citations()).isEmpty();
      assertThat(answer.grounded()).isFalse();
      assertThat(answer.searches()).isEqualTo(1);
    }
  }

  @Nested
  class Markers {
    private String text(String withMarkers) throws Exception {
      return answer(withMarkers, SOURCES).text();
    }

    @Test
    void never_split_a_brand_name() throws Exception {
      assertThat(text("Acme[1] CRM and Acme [2] CRM")).isEqualTo("Acme CRM and Acme CRM");
    }

    @Test
    void go_with_the_space_before_them_in_runs() throws Exception {
      assertThat(text("Acme CRM is cheap [1][2]. Globex[3], too.\nYes [1]"))
          .isEqualTo("Acme CRM is cheap. Globex, too.\nYes");
    }

    @Test
    void leave_list_items_and_their_numbers_as_they_were() throws Exception {
      assertThat(text("1. **Acme CRM**[1][2]\n   - cheap[3]\n2. Globex[3]\n[2] Initech"))
          .isEqualTo("1. **Acme CRM**\n   - cheap\n2. Globex\nInitech");
    }

    @Test
    void that_resolve_to_nothing_or_are_link_text_stay_as_written() throws Exception {
      ProviderAnswer answer =
          answer("Acme[9] and [1](https://acme.com/x) and Globex[3][9].", SOURCES);

      assertThat(answer.text()).isEqualTo("Acme[9] and [1](https://acme.com/x) and Globex[9].");
      assertThat(cited(answer)).containsExactly("https://globex.com/reports");
    }
  }

  @Nested
  class Reasoning {
    @Test
    void strips_think_blocks_but_the_raw_body_keeps_them() throws Exception {
      ProviderAnswer answer =
          answer(
              "<think>Acme[1] or Globex[3]? Check pricing.</think>\n\nGlobex[3] is the pick.",
              SOURCES);

      assertThat(answer.text()).isEqualTo("Globex is the pick.");
      assertThat(answer.rawBody()).contains("<think>");
      assertThat(cited(answer))
          .as("a marker inside the reasoning cites nothing")
          .containsExactly("https://globex.com/reports");
    }

    /** A deep-research answer with these {@code usage} fields besides its token counts. */
    private static String deepResearch(long completionTokens, Map<String, Object> usage) {
      return PerplexityBodies.completion(
          "sonar-deep-research",
          "Acme CRM.",
          "stop",
          19,
          completionTokens,
          SOURCES,
          List.of(),
          usage);
    }

    @Test
    void adds_separately_metered_reasoning_tokens_to_the_output() throws Exception {
      ProviderAnswer answer =
          answer(
              deepResearch(
                  7163,
                  Map.of(
                      "reasoning_tokens",
                      73997,
                      "citation_tokens",
                      10175,
                      "num_search_queries",
                      24)));

      assertThat(answer.outputTokens()).hasValue(7163 + 73997);
      assertThat(answer.inputTokens()).hasValue(19);
    }

    @Test
    void counts_each_search_query_of_deep_research() throws Exception {
      server.enqueue(Reply.json(200, deepResearch(70, Map.of("num_search_queries", 24))));

      ProviderAnswer answer =
          provider(model("deep", "perplexity", "sonar-deep-research"))
              .call(request("sonar-deep-research"));

      assertThat(answer.searches()).isEqualTo(24);
    }

    @Test
    void fails_naming_max_tokens_when_thinking_used_them_all() {
      String body =
          PerplexityBodies.completion(
              "sonar-reasoning-pro",
              "<think>Acme or Globex? Let me",
              "length",
              12,
              800,
              SOURCES,
              List.of(),
              Map.of());

      FinalProviderException e = failure(Reply.json(200, body), FinalProviderException.class);

      assertThat(e.kind()).isEqualTo(Kind.REQUEST);
      assertThat(e.getMessage()).contains("max_tokens (800)");
    }
  }

  @Nested
  class Errors {
    @Test
    void a_rate_limit_is_retryable_after_the_delay_asked_for() {
      RetryableProviderException e =
          failure(
              PerplexityBodies.rateLimited(Duration.ofSeconds(7)),
              RetryableProviderException.class);

      assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
      assertThat(e.httpStatus()).hasValue(429);
      assertThat(e.getMessage())
          .contains("perplexity: HTTP 429 (rate_limit_error): Rate limit exceeded");
    }

    @Test
    void the_proxy_401_page_is_an_authentication_failure_that_also_names_spent_credit() {
      FinalProviderException e =
          failure(PerplexityBodies.unauthorized(), FinalProviderException.class);

      assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
      assertThat(e.getMessage())
          .startsWith("perplexity: HTTP 401: 401 Authorization Required (check the API key")
          .contains("credit (quota) is spent")
          .doesNotContain("<html>", "openresty", KEY);
      assertThat(e.rawBody()).hasValueSatisfying(b -> assertThat(b).contains("openresty"));
    }

    @Test
    void a_server_error_is_retryable() {
      RetryableProviderException e =
          failure(PerplexityBodies.serverError(), RetryableProviderException.class);

      assertThat(e.httpStatus()).hasValue(500);
    }

    @Test
    void a_bad_request_is_final_and_names_the_error_type_not_the_numeric_code() {
      FinalProviderException e =
          failure(
              Reply.json(
                  400,
                  PerplexityBodies.error(
                      "Invalid model 'sonar-mega'. Permitted models can be found in the"
                          + " documentation at https://docs.perplexity.ai/guides/model-cards.",
                      "invalid_model",
                      400)),
              FinalProviderException.class);

      assertThat(e.kind()).isEqualTo(Kind.REQUEST);
      assertThat(e.getMessage()).startsWith("perplexity: HTTP 400 (invalid_model): Invalid model");
    }

    @Test
    void a_402_is_a_spent_quota() {
      FinalProviderException e =
          failure(PerplexityBodies.paymentRequired(), FinalProviderException.class);

      assertThat(e.kind()).isEqualTo(Kind.QUOTA);
    }
  }

  @Test
  void outputs_tokens_only_when_reported() throws Exception {
    ProviderAnswer answer =
        answer("{\"id\":\"x\",\"choices\":[{\"message\":{\"content\":\"Acme\"}}]}");

    assertThat(answer.inputTokens()).isEqualTo(OptionalLong.empty());
    assertThat(answer.outputTokens()).isEqualTo(OptionalLong.empty());
    assertThat(answer.finishReason()).isEmpty();
  }
}
