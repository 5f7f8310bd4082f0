package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.FinalProviderException.Kind;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.ProviderType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Answers that are not answers (SPEC §4), in every wire format against a fake server: a 200 that is
 * not JSON or holds no answer is a malformed attempt with its raw body kept, a blocked or refused
 * answer is an {@code ok} answer with its finish reason, and a body over 16 MiB is refused as too
 * large.
 */
class NonAnswersTest {
  private static final String KEY = "test-key-0123456789abcdefSECRET";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
  private static final String HUGE = "{\"pad\": \"" + "x".repeat(17 * 1024 * 1024) + "\"}";

  private final FakeHttpServer server = FakeHttpServer.start(r -> Reply.json(500, "{}"));

  /**
   * One wire format: how to reach it, and its bodies that hold no answer.
   *
   * @param noAnswer a 200 body that stopped as usual but holds no answer text
   * @param blocked a 200 body a filter or refusal left without text
   * @param blockedReason the finish reason {@code blocked} must keep
   * @param shapeless a 200 JSON body without the part that holds the answer
   * @param missing what the message names as missing from {@code shapeless}
   */
  record Format(
      String name,
      ProviderType type,
      boolean webSearch,
      String basePath,
      String noAnswer,
      String blocked,
      String blockedReason,
      String shapeless,
      String missing) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A Chat Completions server: a filter leaves {@code content_filter}. */
  private static Format chat(String name, ProviderType type, String basePath, String noAnswer) {
    String filtered = FakeOpenAiServer.completionBody("m", "", "content_filter", 5, 0);
    return new Format(
        name,
        type,
        false,
        basePath,
        noAnswer,
        filtered,
        "content_filter",
        "{\"id\":\"x\",\"choices\":[]}",
        "no choices");
  }

  /** A Responses API server: a filter leaves an incomplete response. */
  private static Format responses(String name, ProviderType type, String noAnswer) {
    String filtered =
        ResponsesBodies.incomplete("m", 10, 0).replace("max_output_tokens", "content_filter");
    return new Format(
        name,
        type,
        true,
        "/v1",
        noAnswer,
        filtered,
        "content_filter",
        "{\"id\": \"resp_1\"}",
        "no output");
  }

  static Stream<Format> formats() {
    return Stream.of(
        chat(
            "openai chat, content null",
            ProviderType.OPENAI,
            "/v1",
            withContent(FakeOpenAiServer.completionBody("m", "x", "stop", 5, 0), null)),
        chat(
            "xai chat, content empty",
            ProviderType.XAI,
            "/v1",
            FakeOpenAiServer.completionBody("m", "", "stop", 5, 0)),
        chat(
            "openai-compatible, only a think block",
            ProviderType.OPENAI_COMPATIBLE,
            "/v1",
            FakeOpenAiServer.completionBody("m", "<think>Acme?</think>", "stop", 5, 9)),
        chat(
            "perplexity, content absent",
            ProviderType.PERPLEXITY,
            "",
            withContent(PerplexityBodies.completion("sonar", "x", 5, 0, List.of()), "")),
        responses(
            "openai responses, empty output text",
            ProviderType.OPENAI,
            ResponsesBodies.openAi("gpt-5-mini", "", List.of(), List.of(), 10, 5, 5)),
        responses(
            "xai responses, empty output text",
            ProviderType.XAI,
            ResponsesBodies.xai("grok-4", "", List.of(), List.of(), 0, 10, 5, 5)),
        new Format(
            "anthropic, no content blocks",
            ProviderType.ANTHROPIC,
            false,
            "/v1",
            AnthropicBodies.message("claude-haiku-4-5", List.of(), "end_turn", 10, 0, -1),
            AnthropicBodies.message("claude-haiku-4-5", List.of(), "refusal", 10, 0, -1),
            "refusal",
            "{\"id\": \"msg_1\"}",
            "no content"),
        new Format(
            "gemini, no parts",
            ProviderType.GEMINI,
            false,
            "/v1beta",
            GeminiBodies.answer().finishReason("OTHER").usage(10, 0, 0, 0).json(),
            GeminiBodies.answer().finishReason("PROHIBITED_CONTENT").usage(10, 0, 0, 0).json(),
            "PROHIBITED_CONTENT",
            "{\"usageMetadata\": {}}",
            "no candidates"));
  }

  /**
   * The body with {@code choices[0].message.content} set to {@code content}: null, or "" drops it.
   */
  private static String withContent(String body, String content) {
    try {
      ObjectNode root = (ObjectNode) JsonMapper.builder().build().readTree(body);
      ObjectNode message = (ObjectNode) root.path("choices").get(0).path("message");
      if (content == null) {
        message.putNull("content");
      } else if (content.isEmpty()) {
        message.remove("content");
      } else {
        message.put("content", content);
      }
      return root.toString();
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private Provider provider(Format format) {
    String keyEnv = format.type().defaultApiKeyEnv().orElseThrow();
    ModelSpec model = TestSpecs.model("m", format.type().id(), "model-1");
    return new ProviderFactory(Map.of(keyEnv, KEY), CLOCK)
        .create(
            format.webSearch() ? TestSpecs.withWebSearch(model) : model,
            TestSpecs.endpoint(
                format.type(), server.url(format.basePath()), Optional.of(keyEnv), Map.of()),
            List.of());
  }

  private <T extends ProviderException> T failure(Format format, Reply reply, Class<T> type) {
    server.enqueue(reply);
    T e =
        catchThrowableOfType(
            type, () -> provider(format).call(TestSpecs.request("model-1", "Best CRM?")));
    assertThat(e).as("expected a %s", type.getSimpleName()).isNotNull();
    return e;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void a_200_that_holds_no_answer_is_a_malformed_attempt_keeping_the_raw_body(Format format) {
    RetryableProviderException e =
        failure(format, Reply.json(200, format.noAnswer()), RetryableProviderException.class);

    assertThat(e.getMessage()).contains("HTTP 200", "no answer text");
    assertThat(e.httpStatus()).hasValue(200);
    assertThat(e.rawBody()).contains(format.noAnswer());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void a_200_that_is_not_json_is_a_malformed_attempt_keeping_the_raw_body(Format format) {
    String truncated = "{\"id\": \"x\", \"choices\": [ oops";

    RetryableProviderException e =
        failure(format, Reply.json(200, truncated), RetryableProviderException.class);

    assertThat(e.getMessage()).contains("not valid JSON");
    assertThat(e.rawBody()).contains(truncated);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void a_200_broken_after_its_answer_is_not_valid_json_either(Format format) {
    // streaming readers stop at nothing: the whole body is checked, not just the answer's part
    String broken = format.blocked().substring(0, format.blocked().length() - 1) + ", \"x\": [1,}";

    RetryableProviderException e =
        failure(format, Reply.json(200, broken), RetryableProviderException.class);

    assertThat(e.getMessage()).contains("not valid JSON");
    assertThat(e.rawBody()).contains(broken);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void a_200_whose_json_is_not_an_object_is_a_malformed_attempt(Format format) {
    RetryableProviderException e =
        failure(format, Reply.json(200, "[1, 2]"), RetryableProviderException.class);

    assertThat(e.getMessage()).contains("not a JSON object");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void a_200_without_the_part_that_holds_answers_is_a_malformed_attempt(Format format) {
    RetryableProviderException e =
        failure(format, Reply.json(200, format.shapeless()), RetryableProviderException.class);

    assertThat(e.getMessage()).contains(format.missing());
    assertThat(e.rawBody()).contains(format.shapeless());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void a_blocked_or_refused_answer_is_an_ok_answer_with_its_finish_reason(Format format)
      throws Exception {
    server.enqueue(Reply.json(200, format.blocked()));

    ProviderAnswer answer = provider(format).call(TestSpecs.request("model-1", "Best CRM?"));

    assertThat(answer.text()).isEmpty();
    assertThat(answer.finishReason()).contains(format.blockedReason());
    assertThat(answer.rawBody()).isEqualTo(format.blocked());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void a_streamed_body_over_16_mib_is_refused_as_too_large(Format format) {
    FinalProviderException e =
        failure(format, Reply.json(200, HUGE).chunked(), FinalProviderException.class);

    assertThat(e.kind()).isEqualTo(Kind.REQUEST);
    assertThat(e.getMessage()).contains("HTTP 200", "response body over 16 MiB: too large");
    assertThat(e.httpStatus()).hasValue(200);
    assertThat(e.rawBody()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void a_body_declared_over_16_mib_is_refused_as_too_large(Format format) {
    FinalProviderException e = failure(format, Reply.json(200, HUGE), FinalProviderException.class);

    assertThat(e.getMessage()).contains("response body over 16 MiB: too large");
  }

  @Test
  void an_error_body_over_16_mib_is_refused_too_not_read_whole() {
    Format chat = formats().findFirst().orElseThrow();

    FinalProviderException e =
        failure(chat, Reply.json(503, HUGE).chunked(), FinalProviderException.class);

    assertThat(e.getMessage()).contains("HTTP 503", "too large");
  }
}
