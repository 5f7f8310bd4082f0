package dev.vis.provider;

import static dev.vis.provider.TestSpecs.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vis.VisException;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.FinalProviderException.Kind;
import dev.vis.spec.ProviderType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GeminiProviderTest {
  private static final String KEY = "AIzaSyTest0123456789abcdefSECRETkey00";
  private static final String TEXT = "For a small business, **Acme CRM** is the best pick.";

  private final FakeHttpServer server =
      FakeHttpServer.start(request -> Reply.json(200, GeminiBodies.answer(TEXT, 12, 40)));

  @AfterEach
  void stopServer() {
    server.close();
  }

  private Provider provider(Map<String, String> headers) {
    return TestSpecs.provider(
        Map.of("GEMINI_API_KEY", KEY),
        ProviderType.GEMINI,
        server.url("/v1beta"),
        model("flash", "gemini", "gemini-2.5-flash"),
        headers);
  }

  private Provider provider() {
    return provider(Map.of());
  }

  private static ProviderRequest request(String model, boolean webSearch) {
    return TestSpecs.question(model, "You are a helpful assistant.", 0.7, 800, webSearch);
  }

  private static ProviderRequest request() {
    return request("gemini-2.5-flash", false);
  }

  private ProviderAnswer answer(Reply reply) throws Exception {
    server.enqueue(reply);
    return provider().call(request());
  }

  private <T extends ProviderException> T failure(Reply reply, Class<T> type) {
    server.enqueue(reply);
    T e = TestSpecs.failure(provider(), request(), type);
    assertThat(e.getMessage()).doesNotContain(KEY);
    return e;
  }

  @Nested
  class RequestShape {
    @Test
    void posts_to_generate_content_with_the_key_in_a_header_never_in_the_url() throws Exception {
      provider().call(request());

      FakeHttpServer.Received received = server.lastRequest();
      assertThat(received.method()).isEqualTo("POST");
      assertThat(received.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
      assertThat(received.query()).doesNotContain(KEY).doesNotContain("key=");
      assertThat(received.header("x-goog-api-key")).contains(KEY);
      assertThat(received.header("authorization")).isEmpty();
      assertThat(received.header("content-type")).contains("application/json");
    }

    @Test
    void sends_contents_the_system_instruction_and_the_generation_config() throws Exception {
      provider().call(request());

      JsonNode body = server.lastRequest().json();
      assertThat(body.path("contents")).hasSize(1);
      assertThat(body.path("contents").get(0).path("role").asText()).isEqualTo("user");
      assertThat(body.path("contents").get(0).path("parts").get(0).path("text").asText())
          .isEqualTo("What is the best CRM for a small business?");
      assertThat(body.path("systemInstruction").path("parts").get(0).path("text").asText())
          .isEqualTo("You are a helpful assistant.");
      assertThat(body.path("generationConfig").path("temperature").asDouble()).isEqualTo(0.7);
      assertThat(body.path("generationConfig").path("maxOutputTokens").asInt()).isEqualTo(800);
      assertThat(body.has("tools")).isFalse();
      assertThat(body.has("model")).as("the model is in the path").isFalse();
    }

    @Test
    void asks_for_google_search_grounding_when_the_model_may_search() throws Exception {
      provider().call(request("gemini-2.5-flash", true));

      JsonNode tools = server.lastRequest().json().path("tools");
      assertThat(tools.toString()).isEqualTo("[{\"google_search\":{}}]");
    }

    @Test
    void leaves_out_the_system_instruction_and_config_when_unset() throws Exception {
      provider().call(TestSpecs.request("gemini-2.5-flash", "Hi"));

      JsonNode body = server.lastRequest().json();
      assertThat(body.has("systemInstruction")).isFalse();
      assertThat(body.has("generationConfig")).isFalse();
    }

    @Test
    void accepts_a_model_name_written_with_the_models_prefix() throws Exception {
      provider().call(TestSpecs.request("models/gemini-2.0-flash", "Hi"));

      assertThat(server.lastRequest().path())
          .isEqualTo("/v1beta/models/gemini-2.0-flash:generateContent");
    }

    @Test
    void sends_the_spec_headers() throws Exception {
      provider(Map.of("X-Goog-User-Project", "my-project")).call(request());

      assertThat(server.lastRequest().header("x-goog-user-project")).contains("my-project");
    }
  }

  @Nested
  class Answers {
    @Test
    void returns_the_text_usage_finish_reason_response_id_and_raw_body() throws Exception {
      String body =
          GeminiBodies.answer().text(TEXT).usage(12, 40, 0, 0).responseId("resp-abc").json();

      ProviderAnswer answer = answer(Reply.json(200, body));

      assertThat(answer.text()).isEqualTo(TEXT);
      assertThat(answer.httpStatus()).isEqualTo(200);
      assertThat(answer.inputTokens()).hasValue(12);
      assertThat(answer.outputTokens()).hasValue(40);
      assertThat(answer.finishReason()).contains("STOP");
      assertThat(answer.requestId()).contains("resp-abc");
      assertThat(answer.rawBody()).isEqualTo(body);
      assertThat(answer.citations()).isEmpty();
      assertThat(answer.grounded()).isFalse();
      assertThat(answer.searches()).isZero();
      assertThat(answer.rateLimits().isEmpty()).as("Gemini sends no rate-limit headers").isTrue();
    }

    @Test
    void skips_thought_parts_and_joins_the_text_parts() throws Exception {
      ProviderAnswer answer =
          answer(
              GeminiBodies.answer()
                  .thought("**Weighing Globex** against the others")
                  .text("Acme CRM is simple. ")
                  .text("Globex reports well.")
                  .usage(12, 40, 0, 0)
                  .reply());

      assertThat(answer.text()).isEqualTo("Acme CRM is simple. Globex reports well.");
      assertThat(answer.rawBody()).contains("Weighing Globex");
    }

    @Test
    void bills_thoughts_as_output_and_tool_use_prompts_as_input() throws Exception {
      ProviderAnswer answer =
          answer(GeminiBodies.answer().text(TEXT).usage(12, 40, 310, 95).reply());

      assertThat(answer.inputTokens()).hasValue(12 + 95);
      assertThat(answer.outputTokens()).hasValue(40 + 310);
    }

    @Test
    void has_no_usage_when_the_body_reports_none() throws Exception {
      ProviderAnswer answer = answer(GeminiBodies.answer().text(TEXT).reply());

      assertThat(answer.inputTokens()).isEmpty();
      assertThat(answer.outputTokens()).isEmpty();
    }

    @Test
    void keeps_an_answer_cut_short_by_max_tokens_that_has_text() throws Exception {
      ProviderAnswer answer =
          answer(
              GeminiBodies.answer()
                  .text("Acme CRM is")
                  .finishReason("MAX_TOKENS")
                  .usage(12, 800, 0, 0)
                  .reply());

      assertThat(answer.text()).isEqualTo("Acme CRM is");
      assertThat(answer.finishReason()).contains("MAX_TOKENS");
    }
  }

  @Nested
  class Grounding {
    private final String acme = GeminiBodies.redirect("acme1");
    private final String globex = GeminiBodies.redirect("globex1");
    private final String wiki = GeminiBodies.redirect("wiki1");

    private GeminiBodies.Answer grounded() {
      return GeminiBodies.answer()
          .text(TEXT)
          .usage(12, 40, 120, 80)
          .query("best CRM small business")
          .query("Acme CRM pricing")
          .source(acme, "acme.com")
          .source(globex, "globex.com")
          .source(wiki, "wikipedia.org")
          .support("**Acme CRM** is the best pick.", 0, 2)
          .support("For a small business", 0);
    }

    @Test
    void marks_chunks_a_support_points_at_cited_and_the_rest_retrieved_with_titles()
        throws Exception {
      ProviderAnswer answer = answer(grounded().reply());

      assertThat(answer.citations())
          .containsExactly(
              new ProviderCitation(acme, Optional.of("acme.com"), true),
              new ProviderCitation(globex, Optional.of("globex.com"), false),
              new ProviderCitation(wiki, Optional.of("wikipedia.org"), true));
      assertThat(answer.grounded()).isTrue();
    }

    @Test
    void bills_one_search_per_grounded_prompt_on_gemini_2() throws Exception {
      assertThat(answer(grounded().reply()).searches()).isEqualTo(1);
    }

    @Test
    void bills_each_search_query_on_gemini_3() throws Exception {
      server.enqueue(grounded().reply());

      ProviderAnswer answer = provider().call(request("gemini-3-pro-preview", true));

      assertThat(answer.searches()).isEqualTo(2);
    }

    @Test
    void counts_a_search_that_found_nothing_as_grounded() throws Exception {
      ProviderAnswer answer =
          answer(GeminiBodies.answer().text(TEXT).query("acme crm").usage(5, 9, 0, 0).reply());

      assertThat(answer.grounded()).isTrue();
      assertThat(answer.searches()).isEqualTo(1);
      assertThat(answer.citations()).isEmpty();
    }

    @Test
    void is_parametric_when_the_model_chose_not_to_search() throws Exception {
      server.enqueue(GeminiBodies.answer().text(TEXT).usage(5, 9, 0, 0).reply());

      ProviderAnswer answer = provider().call(request("gemini-2.5-flash", true));

      assertThat(answer.grounded()).isFalse();
      assertThat(answer.searches()).isZero();
    }
  }

  @Nested
  class EmptyAnswers {
    @Test
    void keeps_a_blocked_prompt_as_an_ok_answer_with_the_block_reason() throws Exception {
      ProviderAnswer answer = answer(Reply.json(200, GeminiBodies.blocked("SAFETY", 14)));

      assertThat(answer.text()).isEmpty();
      assertThat(answer.finishReason()).contains("SAFETY");
      assertThat(answer.inputTokens()).hasValue(14);
      assertThat(answer.outputTokens()).hasValue(0);
      assertThat(answer.requestId()).contains("blocked-1");
    }

    @Test
    void keeps_a_candidate_stopped_by_the_safety_filter_as_an_ok_answer() throws Exception {
      ProviderAnswer answer =
          answer(GeminiBodies.answer().finishReason("SAFETY").usage(14, 0, 0, 0).reply());

      assertThat(answer.text()).isEmpty();
      assertThat(answer.finishReason()).contains("SAFETY");
    }

    @Test
    void fails_finally_naming_max_tokens_when_thinking_spent_them_all() {
      FinalProviderException e =
          failure(
              GeminiBodies.answer()
                  .thought("Let me think about CRMs")
                  .finishReason("MAX_TOKENS")
                  .usage(12, 0, 800, 0)
                  .reply(),
              FinalProviderException.class);

      assertThat(e.kind()).isEqualTo(Kind.REQUEST);
      assertThat(e.getMessage()).contains("max_tokens (800)", "raise max_tokens");
      assertThat(e.rawBody()).isPresent();
    }

    @Test
    void retries_an_empty_answer_that_claims_to_have_stopped_normally() {
      RetryableProviderException e =
          failure(
              GeminiBodies.answer().usage(12, 0, 0, 0).reply(), RetryableProviderException.class);

      assertThat(e.getMessage()).contains("no answer text");
    }
  }

  @Nested
  class Errors {
    @Test
    void a_spent_daily_quota_is_final() {
      FinalProviderException e =
          failure(GeminiBodies.dailyQuotaSpent(), FinalProviderException.class);

      assertThat(e.kind()).isEqualTo(Kind.QUOTA);
      assertThat(e.getMessage())
          .contains("HTTP 429", "RESOURCE_EXHAUSTED", "You exceeded your current quota")
          .contains("per-day quota");
      assertThat(e.httpStatus()).hasValue(429);
      assertThat(e.rawBody()).hasValueSatisfying(b -> assertThat(b).contains("PerDay"));
    }

    @Test
    void a_per_minute_rate_limit_is_retried_after_the_retry_info_delay() {
      RetryableProviderException e =
          failure(GeminiBodies.rateLimited("37s"), RetryableProviderException.class);

      assertThat(e.retryAfter()).contains(Duration.ofSeconds(37));
      assertThat(e.httpStatus()).hasValue(429);
    }

    @Test
    void reads_a_fractional_retry_delay() {
      RetryableProviderException e =
          failure(GeminiBodies.rateLimited("1.250s"), RetryableProviderException.class);

      assertThat(e.retryAfter()).contains(Duration.ofMillis(1250));
    }

    @Test
    void a_retry_after_header_wins_over_the_retry_info() {
      RetryableProviderException e =
          failure(
              GeminiBodies.rateLimited("37s").withHeader("Retry-After", "4"),
              RetryableProviderException.class);

      assertThat(e.retryAfter()).contains(Duration.ofSeconds(4));
    }

    @Test
    void a_rate_limit_without_a_delay_leaves_the_backoff_to_the_engine() {
      RetryableProviderException e =
          failure(
              GeminiBodies.status(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted"),
              RetryableProviderException.class);

      assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void server_errors_are_retried() {
      for (Reply reply :
          List.of(
              GeminiBodies.status(500, "INTERNAL", "An internal error has occurred."),
              GeminiBodies.overloaded(),
              GeminiBodies.status(504, "DEADLINE_EXCEEDED", "Deadline expired before operation"))) {
        RetryableProviderException e = failure(reply, RetryableProviderException.class);
        assertThat(e.httpStatus()).hasValue(reply.status());
        assertThat(e.getMessage()).startsWith("gemini: HTTP " + reply.status());
      }
    }

    @Test
    void an_invalid_key_is_an_authentication_error_though_it_comes_as_400() {
      FinalProviderException e =
          failure(GeminiBodies.invalidApiKey(), FinalProviderException.class);

      assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
      assertThat(e.getMessage()).contains("API key not valid", "check the API key");
    }

    @Test
    void a_permission_error_is_an_authentication_error() {
      assertThat(failure(GeminiBodies.permissionDenied(), FinalProviderException.class).kind())
          .isEqualTo(Kind.AUTHENTICATION);
    }

    @Test
    void other_client_errors_are_final_request_errors() {
      for (Reply reply :
          List.of(
              GeminiBodies.status(
                  400,
                  "INVALID_ARGUMENT",
                  "* GenerateContentRequest.contents: contents is not" + " specified"),
              GeminiBodies.status(
                  404, "NOT_FOUND", "models/gemini-9-flash is not found for API version v1beta"),
              GeminiBodies.status(
                  400, "FAILED_PRECONDITION", "User location is not supported for the API use."))) {
        FinalProviderException e = failure(reply, FinalProviderException.class);
        assertThat(e.kind()).isEqualTo(Kind.REQUEST);
      }
    }

    @Test
    void keeps_the_key_out_of_messages_and_stored_bodies_when_google_echoes_it() {
      FinalProviderException e =
          failure(
              GeminiBodies.status(400, "INVALID_ARGUMENT", "Bad request with key " + KEY),
              FinalProviderException.class);

      assertThat(e.rawBody()).hasValueSatisfying(b -> assertThat(b).doesNotContain(KEY));
    }

    @Test
    void blanks_any_google_key_shape_from_messages() {
      String other = "AIzaSyOTHERkey0123456789abcdefghijklmn";
      FinalProviderException e =
          failure(
              GeminiBodies.status(400, "INVALID_ARGUMENT", "Wrong project for " + other),
              FinalProviderException.class);

      assertThat(e.getMessage()).doesNotContain(other).contains("AIza***");
    }

    @Test
    void a_broken_connection_is_retried() {
      RetryableProviderException e = failure(Reply.reset(), RetryableProviderException.class);

      assertThat(e.getMessage()).startsWith("gemini: ");
    }
  }

  @Nested
  class Factory {
    @Test
    void builds_a_gemini_provider_that_may_search_the_web() {
      Provider gemini =
          TestSpecs.provider(
              Map.of("GEMINI_API_KEY", KEY),
              ProviderType.GEMINI,
              "https://generativelanguage.googleapis.com/v1beta",
              TestSpecs.withWebSearch(model("flash", "gemini", "gemini-2.5-flash")),
              Map.of());

      assertThat(gemini).isInstanceOf(GeminiProvider.class);
    }

    @Test
    void refuses_a_missing_key_naming_the_variable() {
      assertThatThrownBy(
              () ->
                  TestSpecs.provider(
                      Map.of(),
                      ProviderType.GEMINI,
                      "https://generativelanguage.googleapis.com/v1beta",
                      model("flash", "gemini", "gemini-2.5-flash"),
                      Map.of()))
          .isInstanceOf(VisException.class)
          .hasMessageContaining("GEMINI_API_KEY");
    }
  }
}
