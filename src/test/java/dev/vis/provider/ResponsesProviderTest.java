package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.FinalProviderException.Kind;
import dev.vis.provider.ResponsesBodies.Cite;
import dev.vis.provider.ResponsesProvider.Dialect;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ResponsesProviderTest {
  private static final String KEY = "sk-test-0123456789abcdefSECRET";
  private static final String TEXT =
      "The best CRMs for small teams are **Acme CRM**"
          + " ([acme.com](https://acme.com/pricing?utm_source=openai))"
          + " and Globex ([globex.com](https://www.globex.com/reports?utm_source=openai)).";

  private final FakeHttpServer server =
      FakeHttpServer.start(
          request ->
              Reply.json(
                  200,
                  ResponsesBodies.openAi(
                      "gpt-5-mini", "Acme CRM.", List.of(), List.of(), 10, 5, 0)));

  @AfterEach
  void stopServer() {
    server.close();
  }

  private ResponsesProvider provider(Dialect dialect) {
    return new ResponsesProvider(
        new Connection(
            "openai",
            URI.create(server.url("/v1/")),
            Optional.of(KEY),
            Map.of(),
            HttpClient.newHttpClient(),
            TestSpecs.CLOCK),
        dialect);
  }

  private static ProviderRequest request(String model, boolean webSearch) {
    return TestSpecs.question(model, "You are a helpful assistant.", 0.7, 800, webSearch);
  }

  private ProviderAnswer answer(String body) throws Exception {
    server.enqueue(Reply.json(200, body));
    return provider(Dialect.OPENAI).call(request("gpt-5-mini", true));
  }

  private <T extends ProviderException> T failure(Reply reply, Class<T> type) {
    server.enqueue(reply);
    return TestSpecs.failure(provider(Dialect.OPENAI), request("gpt-4o", true), type);
  }

  @Nested
  class Request {
    @Test
    void posts_to_responses_with_the_key_the_web_search_tool_and_its_sources() throws Exception {
      provider(Dialect.OPENAI).call(request("gpt-4o", true));

      FakeHttpServer.Received sent = server.lastRequest();
      assertThat(sent.method()).isEqualTo("POST");
      assertThat(sent.path()).isEqualTo("/v1/responses");
      assertThat(sent.header("authorization")).contains("Bearer " + KEY);
      JsonNode body = sent.json();
      assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
      assertThat(body.path("input").asText())
          .isEqualTo("What is the best CRM for a small business?");
      assertThat(body.path("instructions").asText()).isEqualTo("You are a helpful assistant.");
      assertThat(body.path("max_output_tokens").asInt()).isEqualTo(800);
      assertThat(body.path("temperature").asDouble()).isEqualTo(0.7);
      assertThat(body.path("tools").toString()).isEqualTo("[{\"type\":\"web_search\"}]");
      assertThat(body.path("include").toString()).isEqualTo("[\"web_search_call.action.sources\"]");
      assertThat(body.path("store").asBoolean(true)).isFalse();
    }

    @Test
    void sends_no_temperature_to_a_reasoning_model() throws Exception {
      provider(Dialect.OPENAI).call(request("gpt-5-mini", true));

      assertThat(server.lastRequest().json().has("temperature")).isFalse();
      assertThat(server.lastRequest().json().path("max_output_tokens").asInt()).isEqualTo(800);
    }

    @Test
    void sends_no_tools_without_web_search() throws Exception {
      provider(Dialect.OPENAI).call(request("gpt-4o", false));

      assertThat(server.lastRequest().json().has("tools")).isFalse();
      assertThat(server.lastRequest().json().has("include")).isFalse();
    }

    @Test
    void gives_xai_the_system_prompt_as_an_input_message_and_no_include() throws Exception {
      provider(Dialect.XAI).call(request("grok-4-1-fast-reasoning", true));

      JsonNode body = server.lastRequest().json();
      assertThat(body.path("input").toString())
          .isEqualTo(
              "[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
                  + "{\"role\":\"user\","
                  + "\"content\":\"What is the best CRM for a small business?\"}]");
      assertThat(body.has("instructions")).isFalse();
      assertThat(body.has("include")).isFalse();
      assertThat(body.path("tools").toString()).isEqualTo("[{\"type\":\"web_search\"}]");
    }
  }

  @Nested
  class OpenAiAnswers {
    private final String body =
        ResponsesBodies.openAi(
            "gpt-5-mini",
            TEXT,
            List.of(
                new Cite("https://acme.com/pricing?utm_source=openai", "Acme CRM pricing"),
                new Cite("https://www.globex.com/reports?utm_source=openai", "Globex reports")),
            List.of(
                List.of("https://acme.com/pricing", "https://www.g2.com/categories/crm"),
                List.of("https://www.capterra.com/crm-software/")),
            1_234,
            567,
            320);

    @Test
    void reads_the_text_and_keeps_the_raw_body() throws Exception {
      ProviderAnswer answer = answer(body);

      assertThat(answer.text()).isEqualTo(TEXT);
      assertThat(answer.rawBody()).isEqualTo(body);
      assertThat(answer.httpStatus()).isEqualTo(200);
      assertThat(answer.finishReason()).contains("completed");
    }

    @Test
    void takes_annotations_as_cited_and_search_sources_as_retrieved() throws Exception {
      ProviderAnswer answer = answer(body);

      assertThat(answer.citations())
          .containsExactly(
              new ProviderCitation(
                  "https://acme.com/pricing?utm_source=openai",
                  Optional.of("Acme CRM pricing"),
                  true),
              new ProviderCitation(
                  "https://www.globex.com/reports?utm_source=openai",
                  Optional.of("Globex reports"),
                  true),
              new ProviderCitation("https://acme.com/pricing", Optional.empty(), false),
              new ProviderCitation("https://www.g2.com/categories/crm", Optional.empty(), false),
              new ProviderCitation(
                  "https://www.capterra.com/crm-software/", Optional.empty(), false));
    }

    @Test
    void counts_each_web_search_call_as_one_search() throws Exception {
      ProviderAnswer answer = answer(body);

      assertThat(answer.searches()).isEqualTo(2);
      assertThat(answer.grounded()).isTrue();
    }

    @Test
    void reports_output_tokens_with_reasoning_counted_once() throws Exception {
      ProviderAnswer answer = answer(body);

      assertThat(answer.inputTokens()).hasValue(1_234);
      assertThat(answer.outputTokens()).hasValue(567);
    }

    @Test
    void is_not_grounded_when_the_model_chose_not_to_search() throws Exception {
      ProviderAnswer answer =
          answer(ResponsesBodies.openAi("gpt-4o", "Acme CRM.", List.of(), List.of(), 20, 4, 0));

      assertThat(answer.grounded()).isFalse();
      assertThat(answer.searches()).isZero();
      assertThat(answer.citations()).isEmpty();
    }

    @Test
    void takes_the_request_id_from_the_header_and_else_from_the_body() throws Exception {
      server.enqueue(
          Reply.json(200, body).withHeader("x-request-id", "req_abc123"),
          Reply.json(200, body).withHeader("x-request-id", ""));

      ProviderAnswer first = provider(Dialect.OPENAI).call(request("gpt-5-mini", true));
      ProviderAnswer second = provider(Dialect.OPENAI).call(request("gpt-5-mini", true));

      assertThat(first.requestId()).contains("req_abc123");
      assertThat(second.requestId()).contains("resp_68fa0c1d2e3f4a5b");
    }

    @Test
    void reads_the_rate_limit_headers() throws Exception {
      server.enqueue(
          Reply.json(200, body)
              .withHeader("x-ratelimit-limit-requests", "500")
              .withHeader("x-ratelimit-remaining-requests", "499")
              .withHeader("x-ratelimit-reset-requests", "120ms")
              .withHeader("x-ratelimit-limit-tokens", "200000")
              .withHeader("x-ratelimit-remaining-tokens", "198000")
              .withHeader("x-ratelimit-reset-tokens", "6m0s"));

      RateLimits limits = provider(Dialect.OPENAI).call(request("gpt-5-mini", true)).rateLimits();

      assertThat(limits.requestsRemaining()).hasValue(499);
      assertThat(limits.requestsReset()).contains(Duration.ofMillis(120));
      assertThat(limits.tokensLimit()).hasValue(200_000);
      assertThat(limits.tokensReset()).contains(Duration.ofMinutes(6));
    }
  }

  @Nested
  class XaiAnswers {
    private static final String XAI_TEXT =
        "Acme CRM is the usual pick for small teams [[1]](https://acme.com/pricing), ahead of"
            + " Globex [[2]](https://www.globex.com/reports).";

    private final String body =
        ResponsesBodies.xai(
            "grok-4-1-fast-reasoning",
            XAI_TEXT,
            List.of("https://acme.com/pricing", "https://www.globex.com/reports"),
            List.of(
                "https://acme.com/pricing",
                "https://www.globex.com/reports",
                "https://x.com/i/status/1975607901571199086",
                "https://www.g2.com/categories/crm"),
            3,
            1_941,
            583,
            380);

    private ProviderAnswer xaiAnswer(String body) throws Exception {
      server.enqueue(Reply.json(200, body));
      return provider(Dialect.XAI).call(request("grok-4-1-fast-reasoning", true));
    }

    @Test
    void takes_placed_annotations_as_cited_and_the_citations_list_as_retrieved() throws Exception {
      ProviderAnswer answer = xaiAnswer(body);

      assertThat(answer.text()).isEqualTo(XAI_TEXT);
      assertThat(answer.citations())
          .containsExactly(
              new ProviderCitation("https://acme.com/pricing", Optional.empty(), true),
              new ProviderCitation("https://www.globex.com/reports", Optional.empty(), true),
              new ProviderCitation(
                  "https://x.com/i/status/1975607901571199086", Optional.empty(), false),
              new ProviderCitation("https://www.g2.com/categories/crm", Optional.empty(), false));
    }

    @Test
    void counts_the_web_searches_xai_billed() throws Exception {
      ProviderAnswer answer = xaiAnswer(body);

      assertThat(answer.searches()).isEqualTo(3);
      assertThat(answer.grounded()).isTrue();
      assertThat(answer.inputTokens()).hasValue(1_941);
      assertThat(answer.outputTokens()).hasValue(583);
    }

    @Test
    void takes_annotations_without_a_position_as_retrieved_only() throws Exception {
      // xAI lists every source it read this way when inline citations are off.
      String unplaced =
          body.replaceAll(",?\"start_index\":\\d+", "").replaceAll(",?\"end_index\":\\d+", "");

      ProviderAnswer answer = xaiAnswer(unplaced);

      assertThat(answer.citations()).noneMatch(ProviderCitation::cited);
      assertThat(answer.citations()).hasSize(4);
    }
  }

  @Nested
  class Outcomes {
    @Test
    void an_answer_cut_off_by_max_output_tokens_before_any_text_is_a_final_failure() {
      FinalProviderException e =
          failure(
              Reply.json(200, ResponsesBodies.incomplete("gpt-5-mini", 40, 800)),
              FinalProviderException.class);

      assertThat(e.kind()).isEqualTo(Kind.REQUEST);
      assertThat(e.getMessage()).contains("max_tokens").contains("(800)");
      assertThat(e.rawBody()).isPresent();
    }

    @Test
    void a_refusal_is_an_ok_answer_with_the_refusal_text() throws Exception {
      ProviderAnswer answer =
          answer(ResponsesBodies.refusal("gpt-4o", "I'm sorry, I can't help with that."));

      assertThat(answer.text()).isEqualTo("I'm sorry, I can't help with that.");
      assertThat(answer.finishReason()).contains("refusal");
      assertThat(answer.citations()).isEmpty();
    }

    @Test
    void a_failed_response_is_retryable_and_says_why() {
      String failed =
          "{\"id\":\"resp_f\",\"object\":\"response\",\"status\":\"failed\",\"error\":{\"code\":"
              + "\"server_error\",\"message\":\"The model failed to generate a response.\"},"
              + "\"output\":[]}";

      RetryableProviderException e =
          failure(Reply.json(200, failed), RetryableProviderException.class);

      assertThat(e.getMessage()).contains("failed response").contains("failed to generate");
    }
  }

  @Nested
  class Errors {
    @Test
    void insufficient_quota_is_final_quota() {
      FinalProviderException e =
          failure(FakeOpenAiServer.insufficientQuota(), FinalProviderException.class);

      assertThat(e.kind()).isEqualTo(Kind.QUOTA);
    }

    @Test
    void a_rate_limit_is_retryable_after_the_delay_the_server_asked_for() {
      RetryableProviderException e =
          failure(
              FakeOpenAiServer.rateLimited()
                  .withHeader("x-ratelimit-remaining-requests", "0")
                  .withHeader("x-ratelimit-reset-requests", "1.5s"),
              RetryableProviderException.class);

      assertThat(e.retryAfter()).contains(Duration.ofMillis(1500));
    }

    @Test
    void a_wrong_key_is_final_authentication_and_the_key_is_never_shown() {
      FinalProviderException e =
          failure(FakeOpenAiServer.invalidApiKey(), FinalProviderException.class);

      assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
      assertThat(e.getMessage()).doesNotContain(KEY);
    }

    @Test
    void a_server_error_is_retryable() {
      failure(FakeOpenAiServer.serverError(), RetryableProviderException.class);
    }

    @Test
    void xai_wrong_key_sent_as_400_is_final_authentication() {
      FinalProviderException e =
          failure(Reply.json(400, ResponsesBodies.XAI_WRONG_KEY), FinalProviderException.class);

      assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
      assertThat(e.getMessage()).contains("Incorrect API key provided");
    }

    @Test
    void xai_spent_credits_sent_as_429_are_final_quota() {
      FinalProviderException e =
          failure(Reply.json(429, ResponsesBodies.XAI_CREDITS_SPENT), FinalProviderException.class);

      assertThat(e.kind()).isEqualTo(Kind.QUOTA);
    }

    @Test
    void xai_rate_limit_is_retryable() {
      failure(Reply.json(429, ResponsesBodies.XAI_RATE_LIMITED), RetryableProviderException.class);
    }
  }
}
