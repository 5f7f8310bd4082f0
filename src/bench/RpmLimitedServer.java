import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;

/**
 * A fake OpenAI-compatible provider for the rate-limit benchmark: it enforces LIMIT requests in any
 * sliding 60 s window (a request that would be the LIMIT+1st gets OpenAI's 429 body with a
 * Retry-After), answers the others after LATENCY_MS, and reports on GET /stats.
 *
 * <p>Launched without a build: {@code java src/bench/RpmLimitedServer.java PORT LIMIT LATENCY_MS}.
 */
public final class RpmLimitedServer {
  private static final long WINDOW_NANOS = 60_000_000_000L;

  private final int limit;
  private final long latencyMs;
  private final Deque<Long> window = new ArrayDeque<>(); // guarded by this
  private long accepted; // guarded by this
  private long rejected; // guarded by this
  private long first; // guarded by this
  private long last; // guarded by this

  private RpmLimitedServer(int limit, long latencyMs) {
    this.limit = limit;
    this.latencyMs = latencyMs;
  }

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    RpmLimitedServer server =
        new RpmLimitedServer(Integer.parseInt(args[1]), Long.parseLong(args[2]));
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
    http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    http.createContext("/v1/chat/completions", server::complete);
    http.createContext("/stats", server::stats);
    http.start();
    System.out.println("listening on " + http.getAddress().getPort());
  }

  /**
   * Admits the request if fewer than LIMIT arrived in the last 60 s; else how long to wait, in s.
   */
  private synchronized long admit(long now) {
    while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
      window.removeFirst();
    }
    if (window.size() >= limit) {
      rejected++;
      return Math.max(1, (window.peekFirst() + WINDOW_NANOS - now + 999_999_999L) / 1_000_000_000L);
    }
    window.addLast(now);
    if (accepted++ == 0) {
      first = now;
    }
    last = now;
    return 0;
  }

  private void complete(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    long wait = admit(System.nanoTime());
    if (wait > 0) {
      send(
          exchange,
          429,
          "{\"error\": {\"message\": \"Rate limit reached for requests per min (RPM): Limit "
              + limit
              + ".\", \"type\": \"requests\", \"param\": null, \"code\": \"rate_limit_exceeded\"}}",
          String.valueOf(wait));
      return;
    }
    try {
      Thread.sleep(latencyMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    send(
        exchange,
        200,
        """
        {"id": "chatcmpl-bench", "object": "chat.completion", "created": 1, "model": "bench",
         "choices": [{"index": 0, "message": {"role": "assistant",
           "content": "1. **Acme CRM** is a solid choice.\\n2. **Globex** is worth comparing."},
           "finish_reason": "stop"}],
         "usage": {"prompt_tokens": 20, "completion_tokens": 18, "total_tokens": 38}}
        """,
        null);
  }

  private void stats(HttpExchange exchange) throws IOException {
    String body;
    synchronized (this) {
      double spanS = (last - first) / 1e9;
      double perMinute = accepted > 1 ? (accepted - 1) / spanS * 60 : 0;
      body =
          String.format(
              java.util.Locale.ROOT,
              "accepted=%d rejected_429=%d first_to_last_s=%.1f rate_per_min=%.1f limit=%d pct_of_limit=%.1f%n",
              accepted,
              rejected,
              spanS,
              perMinute,
              limit,
              perMinute * 100 / limit);
    }
    send(exchange, 200, body, null);
  }

  private static void send(HttpExchange exchange, int status, String body, String retryAfter)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", "application/json");
    if (retryAfter != null) {
      exchange.getResponseHeaders().set("retry-after", retryAfter);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
