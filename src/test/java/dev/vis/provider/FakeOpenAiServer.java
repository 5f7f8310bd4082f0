package dev.vis.provider;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 *   server.enqueue(FakeOpenAiServer.Reply.rateLimited().withHeader("retry-after", "1"));
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

  /**
   * One scripted response.
   *
   * @param status the HTTP status
   * @param headers response headers
   * @param body the response body, sent as is
   * @param delay how long to wait before answering (ended early when the server closes)
   */
  public record Reply(int status, Map<String, String> headers, String body, Duration delay) {
    public Reply {
      headers = Map.copyOf(headers);
    }

    /** A response with a JSON body. */
    public static Reply json(int status, String body) {
      return new Reply(status, Map.of("content-type", "application/json"), body, Duration.ZERO);
    }

    /** A 200 chat completion with {@code text} and finish reason {@code stop}. */
    public static Reply completion(String text) {
      return json(200, completionBody("gpt-4o-mini", text, "stop", 20, text.length() / 4 + 1));
    }

    /** A 429 rate-limit error, with no retry header (add one with {@link #withHeader}). */
    public static Reply rateLimited() {
      return json(429, RATE_LIMIT_BODY);
    }

    /** A 429 whose body says the quota is spent. */
    public static Reply insufficientQuota() {
      return json(429, INSUFFICIENT_QUOTA_BODY);
    }

    /** A 401 for a wrong key. */
    public static Reply invalidApiKey() {
      return json(401, INVALID_API_KEY_BODY);
    }

    /** A 500 server error. */
    public static Reply serverError() {
      return json(500, SERVER_ERROR_BODY);
    }

    /** A 503 overloaded error. */
    public static Reply overloaded() {
      return json(503, OVERLOADED_BODY);
    }

    /** A 400 {@code invalid_request_error} with {@code message}. */
    public static Reply badRequest(String message) {
      return json(400, error(message, "invalid_request_error", null));
    }

    public Reply withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, more, body, delay);
    }

    public Reply withDelay(Duration wait) {
      return new Reply(status, headers, body, wait);
    }
  }

  /**
   * A request as the server received it.
   *
   * @param method the HTTP method
   * @param path the request path
   * @param headers header values by lower-case name
   * @param body the body as UTF-8 text
   */
  public record Received(
      String method, String path, Map<String, List<String>> headers, String body) {
    public Received {
      headers = Map.copyOf(headers);
    }

    /** The first value of a header, by any case of its name. */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)))
          .flatMap(values -> values.stream().findFirst());
    }

    /** The body parsed as JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JacksonException e) {
        throw new IllegalStateException("request body is not JSON: " + body, e);
      }
    }

    /** The content of the last user message, or "" when there is none. */
    public String prompt() {
      String prompt = "";
      for (JsonNode message : json().path("messages")) {
        if ("user".equals(message.path("role").asText())) {
          prompt = message.path("content").asText("");
        }
      }
      return prompt;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Queue<Reply> queue = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private final List<String> brands;
  private volatile Function<Received, Reply> replier;
  private volatile Optional<String> expectedKey = Optional.empty();

  private FakeOpenAiServer(List<String> brands) throws IOException {
    this.brands = List.copyOf(brands);
    this.replier = this::echo;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A server whose default answers name no brand. */
  public static FakeOpenAiServer start() {
    return start(List.of());
  }

  /** A server whose default answers name every brand in {@code brandNames}, in order. */
  public static FakeOpenAiServer start(List<String> brandNames) {
    try {
      return new FakeOpenAiServer(brandNames);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL a provider is configured with, such as {@code http://127.0.0.1:PORT/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public URI baseUri() {
    return URI.create(baseUrl());
  }

  /** Queues replies for the next chat completion requests, in order. */
  public FakeOpenAiServer enqueue(Reply... replies) {
    queue.addAll(List.of(replies));
    return this;
  }

  /** Answers every request the queue does not with {@code reply}. */
  public FakeOpenAiServer defaultReply(Reply reply) {
    return defaultReply(request -> reply);
  }

  /** Answers every request the queue does not with what {@code replier} makes of it. */
  public FakeOpenAiServer defaultReply(Function<Received, Reply> replier) {
    this.replier = replier;
    return this;
  }

  /** Answers 401 {@code invalid_api_key} to requests not bearing {@code key}. */
  public FakeOpenAiServer expectApiKey(String key) {
    this.expectedKey = Optional.of(key);
    return this;
  }

  /** How many requests arrived, on any path. */
  public int requestCount() {
    return count.get();
  }

  /** Every request received, in arrival order. */
  public List<Received> requests() {
    return List.copyOf(received);
  }

  /** The bodies of every request received, in arrival order. */
  public List<String> requestBodies() {
    return received.stream().map(Received::body).toList();
  }

  /** The last request received. */
  public Received lastRequest() {
    if (received.isEmpty()) {
      throw new IllegalStateException("no request received");
    }
    return received.getLast();
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
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      int n = count.incrementAndGet();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Received request =
          new Received(
              exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body);
      received.add(request);
      Reply reply = reply(request);
      if (!reply.delay().isZero()
          && closing.await(reply.delay().toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("x-request-id", "req_fake" + n);
      exchange.getResponseHeaders().set("openai-processing-ms", "42");
      reply.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client gave up (a timeout test): nothing to answer.
    }
  }

  private Reply reply(Received request) {
    if (!request.method().equals("POST") || !request.path().equals(COMPLETIONS)) {
      return Reply.json(
          404,
          error(
              "Invalid URL (" + request.method() + " " + request.path() + ")",
              "invalid_request_error",
              null));
    }
    if (expectedKey.isPresent()
        && !request.header("authorization").equals(expectedKey.map(k -> "Bearer " + k))) {
      return Reply.invalidApiKey();
    }
    Reply scripted = queue.poll();
    return scripted != null ? scripted : replier.apply(request);
  }

  /** The default answer: restates the prompt and names every brand in a numbered list. */
  private Reply echo(Received request) {
    String prompt = request.prompt();
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
