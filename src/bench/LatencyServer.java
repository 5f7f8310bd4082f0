import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake OpenAI-compatible provider for the SPEC §9 benchmarks: it answers every chat completion
 * after LATENCY_MS with a realistic answer (a ranked list, prose, links), and fails a seeded share
 * of requests with a 429 + {@code Retry-After: 1} or a 500 in OpenAI's error format. GET /stats
 * counts what it did.
 *
 * <p>Launched without a build: {@code java src/bench/LatencyServer.java PORT LATENCY_MS PCT_429
 * PCT_500}.
 */
public final class LatencyServer {
  private static final String ANSWER =
      """
      {"id": "chatcmpl-bench", "object": "chat.completion", "created": 1, "model": "bench-1",
       "choices": [{"index": 0, "message": {"role": "assistant", "content": "Here are the CRMs \
      small teams pick most often:\\n\\n1. **Acme CRM**: simple pipelines, a generous free tier and \
      good mobile apps; see [acme.com](https://acme.com/pricing?utm_source=openai).\\n2. **Globex**: \
      strong reporting and automation, priced per seat.\\n3. **Initech**: the cheapest of the three, \
      with fewer integrations.\\n4. **Umbrella CRM**: built for field sales.\\n\\nIf you already \
      live in email, Acme CRM and Globex both integrate well. For regulated industries, Initech's \
      audit trail helps. Compare trials before you commit: https://www.globex.example/compare. \
      Honorable mentions:\\n- Hooli\\n- Pied Piper"}, "finish_reason": "stop"}],
       "usage": {"prompt_tokens": 24, "completion_tokens": 160, "total_tokens": 184}}
      """;
  private static final String RATE_LIMITED =
      "{\"error\": {\"message\": \"Rate limit reached for requests per min (RPM).\", \"type\":"
          + " \"requests\", \"param\": null, \"code\": \"rate_limit_exceeded\"}}";
  private static final String SERVER_ERROR =
      "{\"error\": {\"message\": \"The server had an error while processing your request.\","
          + " \"type\": \"server_error\", \"param\": null, \"code\": null}}";

  private final long latencyMs;
  private final int pct429;
  private final int pct500;
  private final SplittableRandom random = new SplittableRandom(42); // guarded by this
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong limited = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  private LatencyServer(long latencyMs, int pct429, int pct500) {
    this.latencyMs = latencyMs;
    this.pct429 = pct429;
    this.pct500 = pct500;
  }

  public static void main(String[] args) throws IOException {
    LatencyServer server =
        new LatencyServer(
            Long.parseLong(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    HttpServer http =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])),
            500);
    http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    http.createContext("/v1/chat/completions", server::complete);
    http.createContext("/stats", server::stats);
    http.start();
    System.out.println("listening on " + http.getAddress().getPort());
  }

  private synchronized int draw() {
    return random.nextInt(100);
  }

  private void complete(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    try {
      Thread.sleep(latencyMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int roll = draw();
    if (roll < pct429) {
      limited.incrementAndGet();
      send(exchange, 429, RATE_LIMITED, "1");
    } else if (roll < pct429 + pct500) {
      failed.incrementAndGet();
      send(exchange, 500, SERVER_ERROR, null);
    } else {
      ok.incrementAndGet();
      send(exchange, 200, ANSWER, null);
    }
  }

  private void stats(HttpExchange exchange) throws IOException {
    String body =
        "ok=" + ok.get() + " status_429=" + limited.get() + " status_500=" + failed.get() + "\n";
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
