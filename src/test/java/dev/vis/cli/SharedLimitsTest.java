package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.FakeOpenAiServer;
import dev.vis.spec.SpecYaml;
import dev.vis.store.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three workers of one run ({@code --run-id}, in-process, on a real PostgreSQL) hold the spec's
 * limits together: its {@code rpm} against a server that enforces it, and its {@code max_usd}.
 */
class SharedLimitsTest {
  /** Time runs this much faster for the run and the server alike: a minute takes 15 s. */
  static final long SPEED = 4;

  @TempDir Path dir;
  String url;
  String database;
  FakeOpenAiServer server;

  @BeforeEach
  void setUp() {
    url = PostgresServer.freshDatabase();
    database = PostgresServer.databaseOf(url);
    server = FakeOpenAiServer.start(List.of("Acme CRM", "Globex"));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  /**
   * 20 prompts and one model on the fake server, {@code samples} each; {@code limits} go to its
   * provider, {@code extra} to the end.
   */
  Path spec(int samples, String limits, String extra) throws Exception {
    Path spec = dir.resolve("shared.yaml");
    String teams = String.join(", ", IntStream.rangeClosed(1, 20).mapToObj(i -> "t" + i).toList());
    Files.writeString(
        spec,
        SpecYaml.teams("shared", teams)
            + """
            models: [{id: local, provider: local, model: llama3.1, max_tokens: 100}]
            providers:
              local: {type: openai-compatible, base_url: "%s", api_key_env: LOCAL_KEY%s}
            samples: %d
            concurrency: 8
            retry: {max_attempts: 2, initial_delay: 1s, max_delay: 30s}
            %s
            """
                .formatted(server.baseUrl(), limits, samples, extra));
    return spec;
  }

  /** Three workers of run {@code id} started at once, on {@code clock}; their results. */
  List<CommandHarness.Result> threeWorkers(Path spec, String id, Clock clock, ScaledTime time)
      throws Exception {
    List<CommandHarness.Result> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
      List<Future<CommandHarness.Result>> started = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        CommandHarness vis = new CommandHarness(dir);
        vis.env.put("VIS_DB", url);
        vis.env.put("LOCAL_KEY", "sk-local-test");
        vis.clock = clock;
        if (time != null) {
          vis.waits = time.sleeper();
        }
        started.add(
            pool.submit(
                () -> vis.run("run", spec.toString(), "--run-id", id, "--progress", "none")));
      }
      for (Future<CommandHarness.Result> f : started) {
        results.add(f.get());
      }
    }
    return results;
  }

  /** A server's per-minute limit over a sliding window, as OpenAI's is counted. */
  static final class SlidingMinute {
    private final int limit;
    private final Clock clock;
    private final Deque<Instant> window = new ArrayDeque<>(); // guarded by this
    final List<Instant> accepted = new ArrayList<>(); // guarded by this
    int refused; // guarded by this

    SlidingMinute(int limit, Clock clock) {
      this.limit = limit;
      this.clock = clock;
    }

    synchronized boolean admit() {
      Instant now = clock.instant();
      while (!window.isEmpty() && !window.peekFirst().plusSeconds(60).isAfter(now)) {
        window.removeFirst();
      }
      if (window.size() >= limit) {
        refused++;
        return false;
      }
      window.addLast(now);
      accepted.add(now);
      return true;
    }
  }

  @Test
  void three_workers_under_rpm_600_see_no_429_and_keep_up_the_rate() throws Exception {
    ScaledTime time = new ScaledTime(SPEED);
    SlidingMinute minute = new SlidingMinute(600, time);
    server.defaultReply(
        request ->
            minute.admit()
                ? FakeOpenAiServer.completion("Acme CRM, then Globex.")
                : FakeOpenAiServer.rateLimited().withHeader("retry-after", "1"));
    // 800 calls: more than the server allows in a minute, so too fast a pace would meet 429s
    Path spec = spec(36, ", rpm: 600", "");

    List<CommandHarness.Result> results = threeWorkers(spec, "rpm-600", time, time);

    assertThat(results).allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isZero());
    List<Instant> accepted;
    synchronized (minute) {
      assertThat(minute.refused).as("requests refused with 429").isZero();
      accepted = List.copyOf(minute.accepted);
    }
    assertThat(accepted).hasSize(720);
    // the steady state: the first and last 60 calls include start-up and the last stragglers
    Duration span = Duration.between(accepted.get(60), accepted.get(659));
    double perMinute = 599 * 60_000.0 / span.toMillis();
    // 90% and more on an idle machine; the bound leaves room for a loaded one (a late wake-up,
    // times SPEED, can overflow a worker's half-second bucket). TokenBucketTest.Share holds the
    // shares to 95% on a fake clock.
    assertThat(perMinute).as("calls per minute of server time").isGreaterThanOrEqualTo(450);
    assertThat(PostgresServer.number(database, "SELECT count(*) FROM vis.answers")).isEqualTo(720);
  }

  @Test
  void three_workers_never_spend_more_than_max_usd_together_and_each_exits_4() throws Exception {
    // $1 per thousand tokens: a call is estimated at about $0.12 and costs about $0.04, so each
    // worker alone would spend up to the cap
    Path spec =
        spec(3, "", "budget: {max_usd: 0.50}\npricing:\n  llama3.1: {input: 1000, output: 1000}");

    List<CommandHarness.Result> results = threeWorkers(spec, "budget-3", Clock.systemUTC(), null);

    assertThat(results)
        .allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isEqualTo(4))
        .allSatisfy(r -> assertThat(r.err()).contains("of the $0.50 cap"));
    long ok = PostgresServer.number(database, "SELECT count(*) FROM vis.tasks WHERE status = 'ok'");
    assertThat(ok).isBetween(5L, 59L);
    assertThat(server.requestCount()).isEqualTo((int) ok);
    assertThat(
            PostgresServer.number(
                database, "SELECT round(sum(cost_usd) * 1000000) FROM vis.answers"))
        .as("micro-dollars spent by all three")
        .isLessThanOrEqualTo(500_000);
    assertThat(
            PostgresServer.number(
                database, "SELECT count(*) FROM vis.runs WHERE status = 'budget'"))
        .isOne();
  }
}
