package dev.vis.provider;

import static dev.vis.provider.AnthropicBodies.message;
import static dev.vis.provider.AnthropicBodies.searchCall;
import static dev.vis.provider.AnthropicBodies.searchError;
import static dev.vis.provider.AnthropicBodies.searchResults;
import static dev.vis.provider.AnthropicBodies.text;
import static dev.vis.provider.AnthropicBodies.thinking;
import static dev.vis.provider.TestSpecs.model;
import static dev.vis.provider.TestSpecs.withWebSearch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vis.VisException;
import dev.vis.provider.AnthropicBodies.Source;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.FinalProviderException.Kind;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.ProviderType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AnthropicProviderTest {
  private static final String KEY = "sk-ant-api03-test-0123456789abcdefSECRET";
  private static final String MODEL = "claude-sonnet-4-5";
  private static final Source ACME = new Source("https://acme.com/pricing", "Acme CRM pricing");
  private static final Source GLOBEX = new Source("https://www.globex.com/reports", "Globex");
  private static final Source G2 = new Source("https://www.g2.com/categories/crm", "Best CRM");

  private final FakeHttpServer server =
      FakeHttpServer.start(
          request ->
              Reply.json(200, message(MODEL, "Acme CRM is a fine choice.", "end_turn", 9, 7)));

  @AfterEach
  void stopServer() {
    server.close();
  }

  private Provider provider(ModelSpec model, Map<String, String> headers) {
    return TestSpecs.provider(
        Map.of("ANTHROPIC_API_KEY", KEY, "BETA", "web-fetch-2025"),
        ProviderType.ANTHROPIC,
        server.url("/v1"),
        model,
        headers);
  }

  private Provider provider() {
    return provider(model("claude", "anthropic", MODEL), Map.of());
  }

  /** The question with neither a temperature nor {@code max_tokens}. */
  private static ProviderRequest unset(boolean webSearch) {
    ProviderRequest r = TestSpecs.question(MODEL, "You are a helpful assistant.", 0, 0, webSearch);
    return new ProviderRequest(
        r.model(),
        r.prompt(),
        r.system(),
        OptionalDouble.empty(),
        OptionalInt.empty(),
        webSearch,
        r.timeout(),
        r.sample(),
        r.promptId());
  }

  private static ProviderRequest request() {
    return TestSpecs.question(MODEL, "You are a helpful assistant.", 0.7, 800, false);
  }

  private ProviderAnswer answer(Reply reply) throws Exception {
    server.enqueue(reply);
    return provider().call(request());
  }

  private <T extends ProviderException> T failure(Reply reply, Class<T> type) {
    server.enqueue(reply);
    return TestSpecs.failure(provider(), request(), type);
  }

  @Nested
  class Request {
    @Test
    void posts_to_messages_with_the_key_and_the_api_version() throws Exception {
      provider().call(request());

      FakeHttpServer.Received sent = server.lastRequest();
      assertThat(sent.method()).isEqualTo("POST");
      assertThat(sent.path()).isEqualTo("/v1/messages");
      assertThat(sent.header("x-api-key")).contains(KEY);
      assertThat(sent.header("anthropic-version")).contains("2023-06-01");
      assertThat(sent.header("content-type")).contains("application/json");
      assertThat(sent.header("authorization")).isEmpty();
    }

    @Test
    void puts_the_system_prompt_at_the_top_level_and_sends_the_spec_settings() throws Exception {
      provider().call(request());

      JsonNode body = server.lastRequest().json();
      assertThat(body.path("model").asText()).isEqualTo(MODEL);
      assertThat(body.path("max_tokens").asInt()).isEqualTo(800);
      assertThat(body.path("temperature").asDouble()).isEqualTo(0.7);
      assertThat(body.path("system").asText()).isEqualTo("You are a helpful assistant.");
      assertThat(body.path("messages")).hasSize(1);
      assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
      assertThat(body.path("messages").get(0).path("content").asText())
          .isEqualTo("What is the best CRM for a small business?");
      assertThat(body.has("tools")).isFalse();
    }

    @Test
    void sends_the_default_max_tokens_when_the_spec_sets_none_and_no_unset_temperature()
        throws Exception {
      provider().call(unset(false));

      JsonNode body = server.lastRequest().json();
      assertThat(body.path("max_tokens").asInt())
          .isEqualTo(AnthropicProvider.DEFAULT_MAX_TOKENS)
          .isEqualTo(1024);
      assertThat(body.has("temperature")).isFalse();
    }

    @Test
    void offers_the_web_search_tool_only_when_the_model_may_search() throws Exception {
      Provider provider = provider(withWebSearch(model("claude", "anthropic", MODEL)), Map.of());

      provider.call(unset(true));

      JsonNode tools = server.lastRequest().json().path("tools");
      assertThat(tools).hasSize(1);
      assertThat(tools.get(0).path("type").asText()).isEqualTo("web_search_20250305");
      assertThat(tools.get(0).path("name").asText()).isEqualTo("web_search");
      assertThat(tools.get(0).path("max_uses").asInt()).isEqualTo(5);
    }

    @Test
    void sends_the_spec_headers_with_their_variables_expanded() throws Exception {
      provider(model("claude", "anthropic", MODEL), Map.of("anthropic-beta", "${BETA}"))
          .call(request());

      assertThat(server.lastRequest().header("anthropic-beta")).contains("web-fetch-2025");
    }
  }

  @Nested
  class Answers {
    @Test
    void reads_text_usage_stop_reason_and_request_id() throws Exception {
      ProviderAnswer answer =
          answer(
              Reply.json(200, message(MODEL, "Acme CRM is a fine choice.", "end_turn", 31, 58))
                  .withHeader("request-id", "req_018EeWyXxfu5pfWkrYcMdjWG"));

      assertThat(answer.text()).isEqualTo("Acme CRM is a fine choice.");
      assertThat(answer.httpStatus()).isEqualTo(200);
      assertThat(answer.inputTokens()).hasValue(31);
      assertThat(answer.outputTokens()).hasValue(58);
      assertThat(answer.finishReason()).contains("end_turn");
      assertThat(answer.requestId()).contains("req_018EeWyXxfu5pfWkrYcMdjWG");
      assertThat(answer.citations()).isEmpty();
      assertThat(answer.grounded()).isFalse();
      assertThat(answer.searches()).isZero();
      assertThat(answer.rawBody()).contains("\"msg_01XFDUDYJgAACzvnptvVoYEL\"");
    }

    @Test
    void falls_back_to_the_message_id_without_a_request_id_header() throws Exception {
      assertThat(answer(Reply.json(200, message(MODEL, "Hi.", "end_turn", 1, 1))).requestId())
          .contains("msg_01XFDUDYJgAACzvnptvVoYEL");
    }

    @Test
    void counts_prompt_cache_writes_and_reads_as_input() throws Exception {
      String body =
          message(MODEL, "Hi.", "end_turn", 10, 5)
              .replace("\"cache_creation_input_tokens\":0", "\"cache_creation_input_tokens\":200")
              .replace("\"cache_read_input_tokens\":0", "\"cache_read_input_tokens\":3000");

      assertThat(answer(Reply.json(200, body)).inputTokens()).hasValue(3210);
    }

    @Test
    void skips_thinking_blocks() throws Exception {
      String body =
          message(
              MODEL,
              List.of(
                  thinking("Globex is pricier, so Acme it is."),
                  AnthropicBodies.redactedThinking(),
                  text("Acme CRM.")),
              "end_turn",
              12,
              90,
              -1);

      ProviderAnswer answer = answer(Reply.json(200, body));

      assertThat(answer.text()).isEqualTo("Acme CRM.");
      assertThat(answer.outputTokens()).hasValue(90);
    }

    @Test
    void reads_a_searched_answer_with_cited_and_retrieved_sources() throws Exception {
      String body =
          message(
              MODEL,
              List.of(
                  text("I'll look up current CRM reviews."),
                  searchCall("best CRM for small business 2025"),
                  searchResults(ACME, GLOBEX, G2),
                  text("The best CRMs are "),
                  text("Acme CRM, for its simple pricing", ACME),
                  text(", and "),
                  text("Globex, for its reporting", GLOBEX, ACME),
                  text(".")),
              "end_turn",
              6039,
              931,
              1);

      ProviderAnswer answer = answer(Reply.json(200, body));

      assertThat(answer.text())
          .isEqualTo(
              "I'll look up current CRM reviews.\n\nThe best CRMs are Acme CRM, for its simple"
                  + " pricing, and Globex, for its reporting.");
      assertThat(answer.citations())
          .containsExactly(
              new ProviderCitation(ACME.url(), Optional.of(ACME.title()), true),
              new ProviderCitation(GLOBEX.url(), Optional.of(GLOBEX.title()), true),
              new ProviderCitation(G2.url(), Optional.of(G2.title()), false));
      assertThat(answer.grounded()).isTrue();
      assertThat(answer.searches()).isEqualTo(1);
      assertThat(answer.inputTokens()).hasValue(6039);
    }

    @Test
    void is_not_grounded_when_the_search_failed() throws Exception {
      String body =
          message(
              MODEL,
              List.of(searchCall("crm"), searchError("max_uses_exceeded"), text("Acme CRM.")),
              "end_turn",
              100,
              20,
              0);

      ProviderAnswer answer = answer(Reply.json(200, body));

      assertThat(answer.text()).isEqualTo("Acme CRM.");
      assertThat(answer.grounded()).isFalse();
      assertThat(answer.citations()).isEmpty();
    }

    @Test
    void keeps_a_refusal_as_an_ok_answer_with_its_stop_reason() throws Exception {
      ProviderAnswer answer =
          answer(Reply.json(200, message(MODEL, List.of(), "refusal", 40, 0, -1)));

      assertThat(answer.text()).isEmpty();
      assertThat(answer.finishReason()).contains("refusal");
    }

    @Test
    void keeps_a_truncated_answer_that_has_text() throws Exception {
      ProviderAnswer answer =
          answer(Reply.json(200, message(MODEL, "1. Acme CRM\n2. Glo", "max_tokens", 40, 800)));

      assertThat(answer.text()).isEqualTo("1. Acme CRM\n2. Glo");
      assertThat(answer.finishReason()).contains("max_tokens");
    }

    @Test
    void fails_finally_naming_max_tokens_when_thinking_spent_them_all() throws Exception {
      server.enqueue(
          Reply.json(
              200,
              message(MODEL, List.of(thinking("Let me weigh...")), "max_tokens", 40, 1024, -1)));
      Provider provider = provider();

      FinalProviderException e =
          catchThrowableOfType(FinalProviderException.class, () -> provider.call(unset(false)));

      assertThat(e.kind()).isEqualTo(Kind.REQUEST);
      assertThat(e.getMessage()).contains("max_tokens (1024)").contains("raise max_tokens");
      assertThat(e.rawBody()).hasValueSatisfying(raw -> assertThat(raw).contains("thinking"));
    }

    @Test
    void asks_again_when_a_long_turn_was_paused() {
      RetryableProviderException e =
          failure(
              Reply.json(
                  200,
                  message(
                      MODEL,
                      List.of(text("Searching."), searchCall("crm")),
                      "pause_turn",
                      50,
                      10,
                      1)),
              RetryableProviderException.class);

      assertThat(e.getMessage()).contains("pause_turn");
    }

    @Test
    void reads_the_rate_limit_headers() throws Exception {
      ProviderAnswer answer =
          answer(
              Reply.json(200, message(MODEL, "Hi.", "end_turn", 1, 1))
                  .withHeader("anthropic-ratelimit-requests-limit", "50")
                  .withHeader("anthropic-ratelimit-requests-remaining", "49")
                  .withHeader("anthropic-ratelimit-requests-reset", "2025-06-01T12:00:01Z")
                  .withHeader("anthropic-ratelimit-tokens-limit", "40000")
                  .withHeader("anthropic-ratelimit-tokens-remaining", "38500")
                  .withHeader("anthropic-ratelimit-tokens-reset", "2025-06-01T12:00:02.5Z"));

      assertThat(answer.rateLimits())
          .isEqualTo(
              new RateLimits(
                  OptionalLong.of(50),
                  OptionalLong.of(49),
                  Optional.of(Duration.ofSeconds(1)),
                  OptionalLong.of(40000),
                  OptionalLong.of(38500),
                  Optional.of(Duration.ofMillis(2500))));
    }

    @Test
    void has_no_rate_limits_without_the_headers() throws Exception {
      assertThat(answer(Reply.json(200, message(MODEL, "Hi.", "end_turn", 1, 1))).rateLimits())
          .isEqualTo(RateLimits.none());
    }
  }

  @Nested
  class Errors {
    @Test
    void retries_a_rate_limit_after_the_retry_after_delay() {
      RetryableProviderException e =
          failure(
              AnthropicBodies.rateLimited(Duration.ofSeconds(7)), RetryableProviderException.class);

      assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
      assertThat(e.httpStatus()).hasValue(429);
      assertThat(e.getMessage()).startsWith("anthropic: HTTP 429 (rate_limit_error): ");
    }

    @Test
    void waits_for_the_reset_time_when_no_retry_after_is_sent() {
      Reply reply =
          Reply.json(429, AnthropicBodies.error("rate_limit_error", "Rate limited"))
              .withHeader("anthropic-ratelimit-tokens-remaining", "0")
              .withHeader("anthropic-ratelimit-tokens-reset", "2025-06-01T12:00:42Z");

      assertThat(failure(reply, RetryableProviderException.class).retryAfter())
          .contains(Duration.ofSeconds(42));
    }

    @Test
    void retries_overloaded_and_internal_errors() {
      assertThat(
              failure(AnthropicBodies.overloaded(), RetryableProviderException.class).getMessage())
          .contains("529")
          .contains("overloaded_error");
      assertThat(failure(AnthropicBodies.apiError(), RetryableProviderException.class).httpStatus())
          .hasValue(500);
    }

    @Test
    void stops_on_a_wrong_key_or_a_missing_permission() {
      assertThat(failure(AnthropicBodies.invalidKey(), FinalProviderException.class).kind())
          .isEqualTo(Kind.AUTHENTICATION);
      assertThat(failure(AnthropicBodies.permissionDenied(), FinalProviderException.class).kind())
          .isEqualTo(Kind.AUTHENTICATION);
    }

    @Test
    void stops_the_model_when_the_money_is_spent() {
      assertThat(failure(AnthropicBodies.billing(), FinalProviderException.class).kind())
          .isEqualTo(Kind.QUOTA);
      FinalProviderException credit =
          failure(AnthropicBodies.creditTooLow(), FinalProviderException.class);
      assertThat(credit.kind()).isEqualTo(Kind.QUOTA);
      assertThat(credit.getMessage())
          .contains("credit balance is too low")
          .contains("quota")
          .doesNotContain("\n");
      FinalProviderException spend =
          failure(AnthropicBodies.spendLimitReached(), FinalProviderException.class);
      assertThat(spend.kind()).isEqualTo(Kind.QUOTA);
      assertThat(spend.httpStatus()).hasValue(429);
    }

    @Test
    void fails_a_bad_request_or_an_unknown_model_finally() {
      FinalProviderException bad =
          failure(
              AnthropicBodies.badRequest("max_tokens: Field required"),
              FinalProviderException.class);
      assertThat(bad.kind()).isEqualTo(Kind.REQUEST);
      assertThat(bad.getMessage())
          .isEqualTo("anthropic: HTTP 400 (invalid_request_error): max_tokens: Field required");
      assertThat(failure(AnthropicBodies.notFound("claude-9"), FinalProviderException.class).kind())
          .isEqualTo(Kind.REQUEST);
    }

    @Test
    void never_repeats_the_key_in_a_message_or_a_stored_body() {
      FinalProviderException e =
          failure(
              AnthropicBodies.badRequest("unexpected key " + KEY + " in the body"),
              FinalProviderException.class);

      assertThat(e.getMessage()).doesNotContain(KEY).contains(Redactor.MASK);
      assertThat(e.rawBody()).hasValueSatisfying(raw -> assertThat(raw).doesNotContain(KEY));
    }

    @Test
    void retries_a_connection_broken_before_any_response() {
      RetryableProviderException e = failure(Reply.reset(), RetryableProviderException.class);

      assertThat(e.httpStatus()).isEmpty();
      assertThat(e.getMessage()).doesNotContain(KEY);
    }
  }

  @Nested
  class Factory {
    @Test
    void lets_an_anthropic_model_search_the_web() {
      assertThat(provider(withWebSearch(model("claude", "anthropic", MODEL)), Map.of()))
          .isInstanceOf(AnthropicProvider.class);
    }

    @Test
    void names_the_missing_key_variable() {
      assertThatThrownBy(
              () ->
                  TestSpecs.provider(
                      Map.of(),
                      ProviderType.ANTHROPIC,
                      "https://api.anthropic.com/v1",
                      model("claude", "anthropic", MODEL),
                      Map.of()))
          .isInstanceOf(VisException.class)
          .hasMessageContaining("ANTHROPIC_API_KEY")
          .satisfies(ex -> assertThat(((VisException) ex).exitCode()).isEqualTo(2));
    }
  }
}
