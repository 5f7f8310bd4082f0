package dev.vis.provider;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * A local HTTP server on 127.0.0.1 for tests of provider wire formats: the mechanics every fake
 * provider shares (scripted replies, a default replier, recorded requests, delays and broken
 * connections), with the format itself left to the caller.
 *
 * <p>Each request first meets the {@linkplain #gate gate} (wrong path, wrong key), then the queue
 * of scripted {@link Reply}s, then the default replier. Requests are served on virtual threads, so
 * hundreds may be in flight. Thread-safe.
 */
public final class FakeHttpServer implements AutoCloseable {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** How a reply is sent, or how it breaks the connection instead of answering normally. */
  public enum Fault {
    /** Answers normally. */
    NONE,
    /** Answers normally but chunked, without a {@code Content-Length}, as streaming servers do. */
    CHUNKED,
    /** Closes the connection without sending a response. */
    RESET,
    /** Sends the headers and half the body, then closes the connection. */
    TRUNCATE,
    /** Sends the headers and half the body, then sends nothing more until the server closes. */
    STALL
  }

  /**
   * One scripted response.
   *
   * @param status the HTTP status
   * @param headers response headers
   * @param body the response body, sent as is
   * @param delay how long to wait before answering (ended early when the server closes)
   * @param fault how the connection breaks, if it does
   */
  public record Reply(
      int status, Map<String, String> headers, String body, Duration delay, Fault fault) {
    public Reply {
      headers = Map.copyOf(headers);
    }

    /** A response with a JSON body. */
    public static Reply json(int status, String body) {
      return new Reply(
          status, Map.of("content-type", "application/json"), body, Duration.ZERO, Fault.NONE);
    }

    /** A connection closed before any response. */
    public static Reply reset() {
      return new Reply(200, Map.of(), "", Duration.ZERO, Fault.RESET);
    }

    /** A 200 whose body stops half-way. */
    public static Reply truncated(String body) {
      return new Reply(
          200, Map.of("content-type", "application/json"), body, Duration.ZERO, Fault.TRUNCATE);
    }

    /** A 200 whose body stops half-way while the connection stays open. */
    public static Reply stalled(String body) {
      return new Reply(
          200, Map.of("content-type", "application/json"), body, Duration.ZERO, Fault.STALL);
    }

    public Reply withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, more, body, delay, fault);
    }

    public Reply withDelay(Duration wait) {
      return new Reply(status, headers, body, wait, fault);
    }

    /** This reply sent chunked, its length not declared. */
    public Reply chunked() {
      return new Reply(status, headers, body, delay, Fault.CHUNKED);
    }
  }

  /**
   * A request as the server received it.
   *
   * @param method the HTTP method
   * @param path the request path
   * @param query the raw query string, empty when none
   * @param headers header values by lower-case name
   * @param body the body as UTF-8 text
   */
  public record Received(
      String method, String path, String query, Map<String, List<String>> headers, String body) {
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
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Queue<Reply> queue = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private final Map<String, String> alwaysHeaders = new LinkedHashMap<>();
  private volatile Function<Received, Optional<Reply>> gate = request -> Optional.empty();
  private volatile Function<Received, Reply> replier;

  private FakeHttpServer(Function<Received, Reply> replier) throws IOException {
    this.replier = replier;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A server that answers what the queue does not with {@code replier}. */
  public static FakeHttpServer start(Function<Received, Reply> replier) {
    try {
      return new FakeHttpServer(replier);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /**
   * Checks every request before the queue: a reply from {@code gate} (a 404 for a wrong path, a 401
   * for a wrong key) is sent without consuming a scripted reply.
   */
  public FakeHttpServer gate(Function<Received, Optional<Reply>> gate) {
    this.gate = gate;
    return this;
  }

  /** Adds a header to every response (a request id, say); a reply's own headers win. */
  public synchronized FakeHttpServer alwaysHeader(String name, String value) {
    alwaysHeaders.put(name, value);
    return this;
  }

  /** Queues replies for the next requests that pass the gate, in order. */
  public FakeHttpServer enqueue(Reply... replies) {
    queue.addAll(List.of(replies));
    return this;
  }

  /** Answers every request the queue does not with {@code reply}. */
  public FakeHttpServer defaultReply(Reply reply) {
    return defaultReply(request -> reply);
  }

  /** Answers every request the queue does not with what {@code replier} makes of it. */
  public FakeHttpServer defaultReply(Function<Received, Reply> replier) {
    this.replier = replier;
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

  /** The last request received. */
  public Received lastRequest() {
    if (received.isEmpty()) {
      throw new IllegalStateException("no request received");
    }
    return received.getLast();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      int n = count.incrementAndGet();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String query = exchange.getRequestURI().getRawQuery();
      Received request =
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              query == null ? "" : query,
              headers,
              body);
      received.add(request);
      Reply reply = reply(request);
      if (!reply.delay().isZero()
          && closing.await(reply.delay().toMillis(), TimeUnit.MILLISECONDS)) {
        exchange.close();
        return;
      }
      if (reply.fault() == Fault.RESET) {
        // The JDK server drops the connection of a handler that throws, sending nothing.
        throw new IllegalStateException("connection reset on purpose");
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      synchronized (this) {
        alwaysHeaders.forEach(exchange.getResponseHeaders()::set);
      }
      exchange.getResponseHeaders().set("x-request-id", "req_fake" + n);
      reply.headers().forEach(exchange.getResponseHeaders()::set);
      long length = bytes.length == 0 ? -1 : bytes.length;
      exchange.sendResponseHeaders(reply.status(), reply.fault() == Fault.CHUNKED ? 0 : length);
      if (reply.fault() == Fault.TRUNCATE || reply.fault() == Fault.STALL) {
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        if (reply.fault() == Fault.STALL) {
          closing.await();
        }
        // Not closing the stream: the JDK server drops the connection of a handler that throws.
        throw new IllegalStateException("response truncated on purpose");
      }
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
      exchange.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    } catch (IOException e) {
      // The client gave up (a timeout test) or the reply breaks on purpose: nothing to answer.
      exchange.close();
    }
  }

  private Reply reply(Received request) {
    Optional<Reply> refused = gate.apply(request);
    if (refused.isPresent()) {
      return refused.get();
    }
    Reply scripted = queue.poll();
    return scripted != null ? scripted : replier.apply(request);
  }
}
