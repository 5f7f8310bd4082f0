package dev.vis.blackbox;

import dev.vis.provider.FakeHttpServer.Received;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.FakeOpenAiServer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible server in the test JVM that misbehaves on purpose, from a seeded plan: 429
 * storms with {@code Retry-After}, 5xx, malformed bodies, stalls past the run's timeout, connection
 * resets, an enforced requests-per-second limit, and an error body and every tenth answer that echo
 * the caller's key back. Thread-safe.
 */
final class FaultyProvider implements AutoCloseable {
  private final FakeOpenAiServer server;
  private final Random random;
  private final String key;
  private final Duration latency;
  private final int perSecond;
  private final Deque<Long> recent = new ArrayDeque<>(); // guarded by this
  private int stormLeft; // guarded by this
  final AtomicInteger answered = new AtomicInteger();
  final AtomicInteger faults = new AtomicInteger();

  /** When set, every request stalls far past any timeout (a provider that hangs). */
  volatile boolean hang;

  /**
   * @param seed the fault plan
   * @param key the API key the client sends (echoed back in error bodies and answers)
   * @param latency how long a good answer takes
   * @param perSecond requests per rolling second beyond which the server answers 429
   */
  FaultyProvider(long seed, String key, Duration latency, int perSecond) {
    this.random = new Random(seed);
    this.key = key;
    this.latency = latency;
    this.perSecond = perSecond;
    this.server = FakeOpenAiServer.start(List.of("Acme CRM", "Globex"));
    server.defaultReply(this::reply);
  }

  String baseUrl() {
    return server.baseUrl();
  }

  int requestCount() {
    return server.requestCount();
  }

  /** The authorization headers received: the key reached the provider (and only it). */
  List<String> authorizations() {
    return server.requests().stream().map(r -> r.header("authorization").orElse("")).toList();
  }

  private Reply reply(Received request) {
    if (hang) {
      return FakeOpenAiServer.completion("never").withDelay(Duration.ofSeconds(60));
    }
    Kind kind = next();
    if (kind != Kind.ANSWER) {
      faults.incrementAndGet();
    }
    return switch (kind) {
      case RATE_LIMITED -> FakeOpenAiServer.rateLimited().withHeader("retry-after-ms", "30");
      case OVER_RPM -> FakeOpenAiServer.rateLimited().withHeader("Retry-After", "1");
      case SERVER_ERROR -> FakeOpenAiServer.serverError();
      case ECHOED_KEY ->
          Reply.json(
              502,
              "{\"error\": {\"message\": \"upstream rejected Bearer "
                  + key
                  + "\", \"type\": \"server_error\"}}");
      case MALFORMED -> Reply.json(200, "{\"choices\": [ {\"message\": ");
      case STALL -> FakeOpenAiServer.completion("late").withDelay(Duration.ofMillis(2_600));
      case RESET -> Reply.reset();
      case ANSWER -> {
        String echo = answered.incrementAndGet() % 10 == 1 ? " You called with key " + key : "";
        yield FakeOpenAiServer.completion(
                "For a small team, **Acme CRM** is the pick; Globex also works. See"
                    + " https://acme.example/crm."
                    + echo)
            .withDelay(latency);
      }
    };
  }

  private synchronized Kind next() {
    long now = System.nanoTime();
    while (!recent.isEmpty() && now - recent.peekFirst() > 1_000_000_000L) {
      recent.removeFirst();
    }
    recent.addLast(now);
    if (recent.size() > perSecond) {
      return Kind.OVER_RPM;
    }
    if (stormLeft > 0) {
      stormLeft--;
      return Kind.RATE_LIMITED;
    }
    int roll = random.nextInt(100);
    if (roll < 3) {
      stormLeft = 4;
      return Kind.RATE_LIMITED;
    }
    if (roll < 7) {
      return Kind.SERVER_ERROR;
    }
    if (roll < 9) {
      return Kind.ECHOED_KEY;
    }
    if (roll < 12) {
      return Kind.MALFORMED;
    }
    if (roll < 13) {
      return Kind.STALL;
    }
    if (roll < 15) {
      return Kind.RESET;
    }
    return Kind.ANSWER;
  }

  private enum Kind {
    ANSWER,
    RATE_LIMITED,
    OVER_RPM,
    SERVER_ERROR,
    ECHOED_KEY,
    MALFORMED,
    STALL,
    RESET
  }

  @Override
  public void close() {
    server.close();
  }
}
