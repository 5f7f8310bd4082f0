package dev.vis.provider;

import static dev.vis.provider.TestSpecs.endpoint;
import static dev.vis.provider.TestSpecs.model;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.FinalProviderException.Kind;
import dev.vis.spec.ProviderType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OpenAiChatProviderTest {
  private static final String KEY = "sk-test-0123456789abcdefSECRET";

  private final FakeOpenAiServer server = FakeOpenAiServer.start(List.of("Acme CRM", "Globex"));

  @AfterEach
  void stopServer() {
    server.close();
  }

  private Provider provider(String baseUrl, Map<String, String> headers, Map<String, String> env) {
    return TestSpecs.provider(
        env, ProviderType.OPENAI, baseUrl, model("mini", "openai", "gpt-4o-mini"), headers);
  }

  private Provider provider(String baseUrl) {
    return provider(baseUrl, Map.of(), Map.of("OPENAI_API_KEY", KEY));
  }

  private Provider provider() {
    return provider(server.baseUrl());
  }

  private static ProviderRequest request(String model) {
    return TestSpecs.question(model, "You are a helpful assistant.", 0.7, 800, false);
  }

  private static ProviderRequest request() {
    return request("gpt-4o-mini");
  }

  private <T extends ProviderException> T failure(Class<T> type) {
    return TestSpecs.failure(provider(), request(), type);
  }

  @Nested
  class Success {
    @Test
    void returns_the_text_usage_finish_reason_request_id_and_raw_body() throws Exception {
      ProviderAnswer answer = provider().call(request());

      assertThat(answer.text()).contains("**Acme CRM**", "**Globex**", "best CRM");
      assertThat(answer.httpStatus()).isEqualTo(200);
      assertThat(answer.inputTokens()).isPresent();
      assertThat(answer.outputTokens().getAsLong()).isPositive();
      assertThat(answer.finishReason()).contains("stop");
      assertThat(answer.requestId()).contains("req_fake1");
      assertThat(answer.rawBody()).contains("\"chat.completion\"");
      assertThat(answer.citations()).isEmpty();
      assertThat(answer.grounded()).isFalse();
    }

    @Test
    void strips_think_blocks_from_the_text_but_keeps_them_in_the_raw_body() throws Exception {
      server.enqueue(
          FakeOpenAiServer.completion("<think>Acme or Globex?</think>\n\nGlobex is the pick."));

      ProviderAnswer answer = provider().call(request());

      assertThat(answer.text()).isEqualTo("Globex is the pick.");
      assertThat(answer.rawBody()).contains("<think>");
    }

    @Test
    void keeps_a_refusal_as_an_ok_answer_with_the_refusal_text() throws Exception {
      server.enqueue(
          Reply.json(
              200,
              FakeOpenAiServer.completionBody("gpt-4o-mini", "x", "stop", 5, 9)
                  .replace("\"content\":\"x\"", "\"content\":null")
                  .replace(
                      "\"refusal\":null", "\"refusal\":\"I'm sorry, I can't help with that.\"")));

      ProviderAnswer answer = provider().call(request());

      assertThat(answer.text()).isEqualTo("I'm sorry, I can't help with that.");
      assertThat(answer.finishReason()).contains("stop");
    }
  }

  @Nested
  class RequestShape {
    @Test
    void posts_model_messages_temperature_and_max_tokens_with_a_bearer_key() throws Exception {
      provider().call(request());

      FakeHttpServer.Received received = server.lastRequest();
      JsonNode body = received.json();
      assertThat(received.path()).isEqualTo("/v1/chat/completions");
      assertThat(received.header("authorization")).contains("Bearer " + KEY);
      assertThat(received.header("content-type")).contains("application/json");
      assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
      assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
      assertThat(body.path("messages").get(1).path("content").asText())
          .isEqualTo("What is the best CRM for a small business?");
      assertThat(body.path("temperature").asDouble()).isEqualTo(0.7);
      assertThat(body.path("max_tokens").asInt()).isEqualTo(800);
      assertThat(body.has("max_completion_tokens")).isFalse();
    }

    @Test
    void sends_reasoning_models_max_completion_tokens_and_no_temperature() throws Exception {
      for (String model : List.of("o1", "o3-mini", "o4-mini", "gpt-5", "gpt-5-nano")) {
        provider().call(request(model));

        JsonNode body = server.lastRequest().json();
        assertThat(body.has("temperature")).as(model).isFalse();
        assertThat(body.has("max_tokens")).as(model).isFalse();
        assertThat(body.path("max_completion_tokens").asInt()).as(model).isEqualTo(800);
      }
    }

    @Test
    void leaves_out_the_system_message_temperature_and_cap_when_unset() throws Exception {
      provider().call(TestSpecs.request("gpt-4o-mini", "Hi"));

      JsonNode body = server.lastRequest().json();
      assertThat(body.path("messages")).hasSize(1);
      assertThat(body.has("temperature")).isFalse();
      assertThat(body.has("max_tokens")).isFalse();
    }

    @Test
    void sends_no_authorization_header_without_a_key() throws Exception {
      Provider keyless =
          new ProviderFactory(Map.of(), TestSpecs.CLOCK)
              .create(
                  model("llama", "local", "llama3.1"),
                  endpoint(
                      ProviderType.OPENAI_COMPATIBLE, server.baseUrl(), Optional.empty(), Map.of()),
                  List.of());

      keyless.call(TestSpecs.request("llama3.1", "Hi"));

      assertThat(server.lastRequest().header("authorization")).isEmpty();
    }

    @Test
    void sends_extra_headers_with_variables_expanded_from_the_environment() throws Exception {
      Provider withHeaders =
          provider(
              server.baseUrl(),
              Map.of("X-Title", "vis ${TEAM} run", "HTTP-Referer", "https://example.com/$${x}"),
              Map.of("OPENAI_API_KEY", KEY, "TEAM", "growth"));

      withHeaders.call(request());

      assertThat(server.lastRequest().header("x-title")).contains("vis growth run");
      assertThat(server.lastRequest().header("http-referer")).contains("https://example.com/${x}");
    }

    @Test
    void appends_the_path_to_a_base_url_with_a_trailing_slash() throws Exception {
      Provider slashed = provider(server.baseUrl() + "/");

      slashed.call(request());

      assertThat(server.lastRequest().path()).isEqualTo("/v1/chat/completions");
    }
  }

  @Nested
  class Retryable {
    @Test
    void a_429_with_retry_after_seconds_carries_the_delay() {
      server.enqueue(FakeOpenAiServer.rateLimited().withHeader("retry-after", "2"));

      RetryableProviderException e = failure(RetryableProviderException.class);

      assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
      assertThat(e.httpStatus()).hasValue(429);
      assertThat(e.getMessage())
          .contains("429", "rate_limit_exceeded", "Rate limit reached for gpt-4o-mini");
    }

    @Test
    void a_429_with_retry_after_ms_carries_the_delay() {
      server.enqueue(FakeOpenAiServer.rateLimited().withHeader("retry-after-ms", "350"));

      assertThat(failure(RetryableProviderException.class).retryAfter())
          .contains(Duration.ofMillis(350));
    }

    @Test
    void a_429_with_openai_reset_headers_carries_the_reset_of_the_exhausted_limit() {
      server.enqueue(
          FakeOpenAiServer.rateLimited()
              .withHeader("x-ratelimit-remaining-requests", "0")
              .withHeader("x-ratelimit-reset-requests", "1.5s")
              .withHeader("x-ratelimit-remaining-tokens", "9000")
              .withHeader("x-ratelimit-reset-tokens", "6m0s"));

      assertThat(failure(RetryableProviderException.class).retryAfter())
          .contains(Duration.ofMillis(1500));
    }

    @Test
    void a_429_without_delay_headers_leaves_the_delay_to_the_engine() {
      server.enqueue(FakeOpenAiServer.rateLimited());

      assertThat(failure(RetryableProviderException.class).retryAfter()).isEmpty();
    }

    @Test
    void server_errors_and_overload_are_retryable() {
      for (Reply reply :
          List.of(
              FakeOpenAiServer.serverError(),
              FakeOpenAiServer.overloaded(),
              Reply.json(502, "<html>Bad Gateway</html>"),
              Reply.json(504, ""),
              Reply.json(529, "{}"),
              Reply.json(408, "{}"),
              Reply.json(409, "{}"),
              Reply.json(425, "{}"))) {
        server.enqueue(reply);
        RetryableProviderException e = failure(RetryableProviderException.class);
        assertThat(e.httpStatus()).hasValue(reply.status());
        assertThat(e.getMessage()).contains("HTTP " + reply.status());
      }
    }

    private static ProviderRequest within200ms() {
      return new ProviderRequest(
          "gpt-4o-mini",
          "Hi",
          Optional.empty(),
          OptionalDouble.empty(),
          OptionalInt.empty(),
          false,
          Duration.ofMillis(200),
          1,
          "p");
    }

    @Test
    void an_answer_slower_than_the_timeout_is_retryable() {
      server.enqueue(FakeOpenAiServer.completion("late").withDelay(Duration.ofSeconds(2)));

      RetryableProviderException e =
          TestSpecs.failure(provider(), within200ms(), RetryableProviderException.class);

      assertThat(e.getMessage()).contains("200ms");
      assertThat(e.httpStatus()).isEmpty();
    }

    @Test
    void a_body_that_stalls_after_the_headers_times_out_retryably() {
      server.enqueue(Reply.stalled(FakeOpenAiServer.completion("cut off").body()));

      RetryableProviderException e =
          TestSpecs.failure(provider(), within200ms(), RetryableProviderException.class);

      assertThat(e.getMessage()).contains("no answer within 200ms");
      assertThat(e.httpStatus()).isEmpty();
    }

    @Test
    void a_refused_connection_is_retryable() throws IOException {
      int port;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }
      Provider nowhere = provider("http://127.0.0.1:" + port + "/v1");

      RetryableProviderException e =
          TestSpecs.failure(nowhere, request(), RetryableProviderException.class);

      assertThat(e.getMessage()).contains("cannot connect to http://127.0.0.1:" + port);
    }
  }

  @Nested
  class Final {
    @Test
    void a_429_for_insufficient_quota_is_a_quota_failure() {
      server.enqueue(FakeOpenAiServer.insufficientQuota());

      FinalProviderException e = failure(FinalProviderException.class);

      assertThat(e.kind()).isEqualTo(Kind.QUOTA);
      assertThat(e.httpStatus()).hasValue(429);
      assertThat(e.getMessage()).contains("insufficient_quota", "You exceeded your current quota");
    }

    @Test
    void a_401_is_an_authentication_failure() {
      server.enqueue(FakeOpenAiServer.invalidApiKey());

      FinalProviderException e = failure(FinalProviderException.class);

      assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
      assertThat(e.getMessage()).contains("401", "invalid_api_key");
    }

    @Test
    void a_400_is_a_request_failure_with_the_providers_message() {
      server.enqueue(
          FakeOpenAiServer.badRequest(
              "Unsupported parameter: 'max_tokens' is not supported with this model."));

      FinalProviderException e = failure(FinalProviderException.class);

      assertThat(e.kind()).isEqualTo(Kind.REQUEST);
      assertThat(e.getMessage()).contains("400", "'max_tokens' is not supported");
      assertThat(e.rawBody()).isPresent();
    }

    @Test
    void an_empty_answer_cut_by_the_length_limit_names_max_tokens() {
      server.enqueue(
          Reply.json(200, FakeOpenAiServer.completionBody("o4-mini", "", "length", 20, 800)));

      FinalProviderException e =
          TestSpecs.failure(provider(), request("o4-mini"), FinalProviderException.class);

      assertThat(e.kind()).isEqualTo(Kind.REQUEST);
      assertThat(e.getMessage()).contains("max_tokens", "800");
    }

    @Test
    void a_wrong_path_is_a_request_failure() {
      Provider misplaced = provider(server.baseUrl() + "/v2");

      FinalProviderException e =
          TestSpecs.failure(misplaced, request(), FinalProviderException.class);

      assertThat(e.getMessage()).contains("404", "Invalid URL");
    }
  }

  @Nested
  class Secrets {
    @Test
    void the_key_and_header_values_never_appear_in_a_message_even_when_echoed() {
      server.defaultReply(
          received ->
              Reply.json(
                  401,
                  FakeOpenAiServer.error(
                      "Incorrect API key provided: "
                          + received.header("authorization").orElse("")
                          + " with token "
                          + received.header("x-router-token").orElse(""),
                      "invalid_request_error",
                      "invalid_api_key")));
      Provider leaky =
          provider(
              server.baseUrl(),
              Map.of("X-Router-Token", "${ROUTER_TOKEN}"),
              Map.of("OPENAI_API_KEY", KEY, "ROUTER_TOKEN", "rt-very-secret-token"));

      FinalProviderException e = TestSpecs.failure(leaky, request(), FinalProviderException.class);

      assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("rt-very-secret-token");
      assertThat(e.rawBody().orElseThrow())
          .doesNotContain(KEY)
          .doesNotContain("rt-very-secret-token");
    }

    @Test
    void no_failure_message_of_any_kind_carries_the_key() {
      List<Reply> replies =
          List.of(
              FakeOpenAiServer.rateLimited(),
              FakeOpenAiServer.insufficientQuota(),
              FakeOpenAiServer.invalidApiKey(),
              FakeOpenAiServer.serverError(),
              FakeOpenAiServer.badRequest("bad"),
              Reply.json(200, "not json"));
      for (Reply reply : replies) {
        server.enqueue(reply);
        ProviderException e = failure(ProviderException.class);
        assertThat(e.getMessage()).doesNotContain(KEY);
        assertThat(String.valueOf(e.getCause())).doesNotContain(KEY);
      }
    }
  }
}
