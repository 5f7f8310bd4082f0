package dev.vis.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vis.provider.FakeHttpServer.Received;
import dev.vis.provider.FakeHttpServer.Reply;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A local server on 127.0.0.1 that speaks OpenAI Chat Completions ({@code POST
 * /v1/chat/completions}), with OpenAI's real error bodies and rate-limit headers, for tests of
 * anything that calls a provider.
 *
 * <p>Replies come from a queue of scripted {@link Reply}s, then from the default replier, which
 * answers every prompt with a list naming the brands given at start. Every request is recorded.
 * Requests are served on virtual threads, so hundreds may be in flight. Thread-safe.
 *
 * <pre>{@code
 * try (var server = FakeOpenAiServer.start(List.of("Acme CRM", "Globex"))) {
 *   server.enqueue(FakeOpenAiServer.rateLimited().withHeader("retry-after", "1"));
 *   // point a provider at server.baseUrl()
 * }
 * }</pre>
 */
public final class FakeOpenAiServer implements AutoCloseable {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String COMPLETIONS = "/v1/chat/completions";

  /** OpenAI's 429 body when a rate limit is hit. */
  public static final String RATE_LIMIT_BODY =
      error(
          "Rate limit reached for gpt-4o-mini in organization org-vis on requests per min (RPM):"
              + " Limit 500, Used 500, Requested 1. Please try again in 120ms. Visit"
              + " https://platform.openai.com/account/rate-limits to learn more.",
          "requests",
          "rate_limit_exceeded");

  /** OpenAI's 429 body when the account has no credit left. */
  public static final String INSUFFICIENT_QUOTA_BODY =
      error(
          "You exceeded your current quota, please check your plan and billing details. For more"
              + " information on this error, read the docs:"
              + " https://platform.openai.com/docs/guides/error-codes/api-errors.",
          "insufficient_quota",
          "insufficient_quota");

  /** OpenAI's 401 body for a wrong key (OpenAI masks the key it echoes). */
  public static final String INVALID_API_KEY_BODY =
      error(
          "Incorrect API key provided: sk-proj-********************abcd. You can find your API"
              + " key at https://platform.openai.com/account/api-keys.",
          "invalid_request_error",
          "invalid_api_key");

  /** OpenAI's 500 body. */
  public static final String SERVER_ERROR_BODY =
      error(
          "The server had an error while processing your request. Sorry about that!",
          "server_error",
          null);

  /** OpenAI's 503 body when the model is overloaded. */
  public static final String OVERLOADED_BODY =
      error("The engine is currently overloaded, please try again later", "server_error", null);

  /** A 200 chat completion with {@code text} and finish reason {@code stop}. */
  public static Reply completion(String text) {
    return Reply.json(200, completionBody("gpt-4o-mini", text, "stop", 20, text.length() / 4 + 1));
  }

  /** A 429 rate-limit error, with no retry header (add one with {@link Reply#withHeader}). */
  public static Reply rateLimited() {
    return Reply.json(429, RATE_LIMIT_BODY);
  }

  /** A 429 whose body says the quota is spent. */
  public static Reply insufficientQuota() {
    return Reply.json(429, INSUFFICIENT_QUOTA_BODY);
  }

  /** A 401 for a wrong key. */
  public static Reply invalidApiKey() {
    return Reply.json(401, INVALID_API_KEY_BODY);
  }

  /** A 500 server error. */
  public static Reply serverError() {
    return Reply.json(500, SERVER_ERROR_BODY);
  }

  /** A 503 overloaded error. */
  public static Reply overloaded() {
    return Reply.json(503, OVERLOADED_BODY);
  }

  /** A 400 {@code invalid_request_error} with {@code message}. */
  public static Reply badRequest(String message) {
    return Reply.json(400, error(message, "invalid_request_error", null));
  }

  /** The content of the last user message of a Chat Completions request, or "". */
  public static String prompt(Received request) {
    String prompt = "";
    for (JsonNode message : request.json().path("messages")) {
      if ("user".equals(message.path("role").asText())) {
        prompt = message.path("content").asText("");
      }
    }
    return prompt;
  }

  private final FakeHttpServer http;
  private final List<String> brands;
  private volatile Optional<String> expectedKey = Optional.empty();

  private FakeOpenAiServer(List<String> brands) {
    this.brands = List.copyOf(brands);
    this.http = FakeHttpServer.start(this::echo).gate(this::gate);
    http.alwaysHeader("openai-processing-ms", "42");
  }

  /** A server whose default answers name no brand. */
  public static FakeOpenAiServer start() {
    return start(List.of());
  }

  /** A server whose default answers name every brand in {@code brandNames}, in order. */
  public static FakeOpenAiServer start(List<String> brandNames) {
    return new FakeOpenAiServer(brandNames);
  }

  /** The base URL a provider is configured with, such as {@code http://127.0.0.1:PORT/v1}. */
  public String baseUrl() {
    return http.url("/v1");
  }

  public URI baseUri() {
    return URI.create(baseUrl());
  }

  /** Queues replies for the next chat completion requests, in order. */
  public FakeOpenAiServer enqueue(Reply... replies) {
    http.enqueue(replies);
    return this;
  }

  /** Answers every request the queue does not with {@code reply}. */
  public FakeOpenAiServer defaultReply(Reply reply) {
    http.defaultReply(reply);
    return this;
  }

  /** Answers every request the queue does not with what {@code replier} makes of it. */
  public FakeOpenAiServer defaultReply(Function<Received, Reply> replier) {
    http.defaultReply(replier);
    return this;
  }

  /** Answers 401 {@code invalid_api_key} to requests not bearing {@code key}. */
  public FakeOpenAiServer expectApiKey(String key) {
    this.expectedKey = Optional.of(key);
    return this;
  }

  /** How many requests arrived, on any path. */
  public int requestCount() {
    return http.requestCount();
  }

  /** Every request received, in arrival order. */
  public List<Received> requests() {
    return http.requests();
  }

  /** The bodies of every request received, in arrival order. */
  public List<String> requestBodies() {
    return http.requests().stream().map(Received::body).toList();
  }

  /** The last request received. */
  public Received lastRequest() {
    return http.lastRequest();
  }

  /** A Chat Completions response body, shaped as OpenAI sends it. */
  public static String completionBody(
      String model, String text, String finishReason, long promptTokens, long completionTokens) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-fake" + Long.toHexString(text.hashCode() & 0xffffffffL));
    root.put("object", "chat.completion");
    root.put("created", 1_735_689_600L);
    root.put("model", model);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", text);
    message.putNull("refusal");
    message.putArray("annotations");
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason);
    ObjectNode usage = root.putObject("usage");
    usage.put("prompt_tokens", promptTokens);
    usage.put("completion_tokens", completionTokens);
    usage.put("total_tokens", promptTokens + completionTokens);
    root.put("service_tier", "default");
    root.put("system_fingerprint", "fp_fake");
    return root.toString();
  }

  /** An OpenAI error body. */
  public static String error(String message, String type, String code) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("message", message);
    error.put("type", type);
    error.putNull("param");
    if (code == null) {
      error.putNull("code");
    } else {
      error.put("code", code);
    }
    return root.toString();
  }

  @Override
  public void close() {
    http.close();
  }

  private Optional<Reply> gate(Received request) {
    if (!request.method().equals("POST") || !request.path().equals(COMPLETIONS)) {
      return Optional.of(
          Reply.json(
              404,
              error(
                  "Invalid URL (" + request.method() + " " + request.path() + ")",
                  "invalid_request_error",
                  null)));
    }
    if (expectedKey.isPresent()
        && !request.header("authorization").equals(expectedKey.map(k -> "Bearer " + k))) {
      return Optional.of(invalidApiKey());
    }
    return Optional.empty();
  }

  /** The default answer: restates the prompt and names every brand in a numbered list. */
  private Reply echo(Received request) {
    String prompt = prompt(request);
    List<String> lines = new ArrayList<>();
    lines.add("Here is what I would consider for \"" + prompt + "\":");
    lines.add("");
    for (int i = 0; i < brands.size(); i++) {
      lines.add((i + 1) + ". **" + brands.get(i) + "** — a solid choice worth comparing.");
    }
    if (brands.isEmpty()) {
      lines.add("It depends on your needs and budget.");
    }
    String text = String.join("\n", lines);
    String model = request.json().path("model").asText("gpt-4o-mini");
    long promptTokens = prompt.length() / 4 + 8;
    return Reply.json(200, completionBody(model, text, "stop", promptTokens, text.length() / 4 + 1))
        .withHeader("x-ratelimit-limit-requests", "500")
        .withHeader("x-ratelimit-remaining-requests", "499")
        .withHeader("x-ratelimit-reset-requests", "120ms");
  }
}
