import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fake OpenAI-compatible provider for the SPEC §9 benchmarks: it answers every chat completion
 * after LATENCY_MS with a realistic answer (a ranked list, prose, links), and fails a seeded share
 * of requests with a 429 + {@code Retry-After: 1} or a 500 in OpenAI's error format. GET /stats
 * counts what it did, and how late its answers left against LATENCY_MS after their request came in.
 *
 * <p>The latency is the benchmark's ideal, so the server keeps to it: a request's deadline counts
 * from the moment its handler starts, each request has its own platform thread (a virtual thread's
 * wake-up waits for a free carrier, which adds milliseconds when vis keeps both cores busy), the
 * last 60 microseconds before the deadline are spun rather than slept, and the server warms itself
 * up with requests of its own (not counted) before it says it is listening, so that its compilation
 * does not compete with the measured run.
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

  private static final long SPIN_NANOS = 60_000;

  private final long latencyMs;
  private final int pct429;
  private final int pct500;
  private final SplittableRandom random = new SplittableRandom(42); // guarded by this
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong limited = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong lateNanos = new AtomicLong();
  private final AtomicLong latestNanos = new AtomicLong();

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
    http.setExecutor(Executors.newCachedThreadPool());
    http.createContext("/v1/chat/completions", server::complete);
    http.createContext("/stats", server::stats);
    http.start();
    warmUp(http.getAddress().getPort());
    System.out.println("listening on " + http.getAddress().getPort());
  }

  private synchronized int draw() {
    return random.nextInt(100);
  }

  /** Requests to itself that skip the latency and the counts, until its handlers are compiled. */
  private static void warmUp(int port) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
            .header("x-warm-up", "1")
            .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"bench-1\"}"))
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      for (int round = 0; round < 40; round++) {
        List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
        }
        calls.forEach(CompletableFuture::join);
      }
    }
  }

  private void complete(HttpExchange exchange) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(latencyMs);
    exchange.getRequestBody().readAllBytes();
    if (exchange.getRequestHeaders().containsKey("x-warm-up")) {
      send(exchange, 200, ANSWER, null);
      return;
    }
    waitUntil(deadline);
    long late = System.nanoTime() - deadline;
    lateNanos.addAndGet(late);
    latestNanos.accumulateAndGet(late, Math::max);
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

  /**
   * Parks to within {@link #SPIN_NANOS} of the deadline, then spins: Linux wakes a parked thread up
   * to 50 microseconds late (its timer slack). The spin stays that short because 50 requests in
   * flight spin at once.
   */
  private static void waitUntil(long deadline) {
    long left;
    while ((left = deadline - System.nanoTime()) > SPIN_NANOS) {
      LockSupport.parkNanos(left - SPIN_NANOS);
    }
    while (System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  private void stats(HttpExchange exchange) throws IOException {
    long answered = ok.get() + limited.get() + failed.get();
    String body =
        String.format(
            "ok=%d status_429=%d status_500=%d late_mean_ms=%.3f late_max_ms=%.3f%n",
            ok.get(),
            limited.get(),
            failed.get(),
            answered == 0 ? 0 : lateNanos.get() / 1e6 / answered,
            latestNanos.get() / 1e6);
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
