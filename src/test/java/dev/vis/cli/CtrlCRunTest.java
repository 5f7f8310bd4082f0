package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.FakeOpenAiServer;
import dev.vis.spec.SpecYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C, SIGTERM and SIGHUP during {@code vis run}, sent through {@link ManualInterrupts} instead
 * of real signals.
 */
class CtrlCRunTest {
  @TempDir Path dir;
  CommandHarness vis;
  ManualInterrupts ctrlC;
  FakeOpenAiServer server;
  Path spec;
  final Semaphore arrivals = new Semaphore(0);

  /** Holds the drain after a first press until the test ends: its time never runs out. */
  final CountDownLatch drainHeld = new CountDownLatch(1);

  @BeforeEach
  void setUp() throws Exception {
    vis = new CommandHarness(dir);
    ctrlC = new ManualInterrupts();
    vis.interrupts = ctrlC;
    server = FakeOpenAiServer.start(List.of("Acme CRM"));
    spec = dir.resolve("ctrlc.yaml");
    Files.writeString(
        spec,
        SpecYaml.teams("ctrlc", "a", "b", "c", "d", "e")
            + """
        models:
          - id: local
            provider: openai-compatible
            base_url: %s
            model: llama3.1
        samples: 4
        concurrency: 2
        timeout: 30s
        """
                .formatted(server.baseUrl()));
  }

  @AfterEach
  void tearDown() {
    drainHeld.countDown();
    server.close();
  }

  private long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vis.db"));
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private CompletableFuture<CommandHarness.Result> runInBackground(String... args) {
    // a thread of its own: the common pool has one thread on two cores, and vis must not need it
    return CompletableFuture.supplyAsync(() -> vis.run(args), r -> Thread.ofPlatform().start(r));
  }

  /**
   * Starts a run whose answers take 300 ms and whose drain after a stop waits until the test
   * releases {@link #drainHeld}, and returns once two calls are in flight.
   */
  private CompletableFuture<CommandHarness.Result> runWithTwoSlowCallsInFlight() throws Exception {
    answer(FakeOpenAiServer.completion("Acme CRM.").withDelay(Duration.ofMillis(300)));
    // the drain waits through the harness's sleeper: hold it as a real wait would
    vis.waits =
        d -> {
          if (d.equals(RunSession.DRAIN)) {
            drainHeld.await();
          }
        };
    var running = runInBackground("run", spec.toString(), "--progress", "none");
    awaitRequests(2);
    return running;
  }

  /** Answers every request with {@code reply}, counting arrivals. */
  private void answer(Reply reply) {
    server.defaultReply(
        request -> {
          arrivals.release();
          return reply;
        });
  }

  private void awaitRequests(int n) throws InterruptedException {
    assertThat(arrivals.tryAcquire(n, 30, TimeUnit.SECONDS)).as(n + " requests arrived").isTrue();
  }

  @Nested
  class TheFirstPress {
    @Test
    void lets_calls_in_flight_finish_commits_them_and_exits_130_with_the_resume_command()
        throws Exception {
      var running = runWithTwoSlowCallsInFlight();
      ctrlC.press();
      CommandHarness.Result result = running.get(30, TimeUnit.SECONDS);

      assertThat(result.exitCode()).as(result::toString).isEqualTo(130);
      Path wal = dir.resolve("vis.db-wal");
      assertThat(!Files.exists(wal) || Files.size(wal) == 0).as("WAL checkpointed").isTrue();
      String runId = result.runId();
      assertThat(result.err())
          .as(result::toString)
          .contains("interrupted: no new calls")
          .contains("vis run " + spec + " --resume " + runId);
      assertThat(count("SELECT count(*) FROM runs WHERE status = 'interrupted'")).isOne();
      long ok = count("SELECT count(*) FROM tasks WHERE status = 'ok'");
      assertThat(ok)
          .as(result + "\n the two calls in flight were let finish and committed")
          .isGreaterThanOrEqualTo(2);
      assertThat(ok).isLessThan(20);
      assertThat(server.requestCount())
          .as("nothing new was scheduled")
          .isLessThanOrEqualTo((int) ok + 2);
      assertThat(ctrlC.halts).isEmpty();

      vis.interrupts = Interrupts.NONE;
      server.defaultReply(FakeOpenAiServer.completion("Acme CRM."));
      CommandHarness.Result resumed = vis.run("run", spec.toString(), "--resume", runId, "--quiet");
      assertThat(resumed.exitCode()).as(resumed::toString).isZero();
      assertThat(count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(20);
      assertThat(count("SELECT count(*) FROM answers")).isEqualTo(20);
    }

    @Test
    void cancels_calls_that_do_not_end_within_the_drain_time_and_leaves_their_tasks_pending()
        throws Exception {
      answer(FakeOpenAiServer.completion("Acme CRM.").withDelay(Duration.ofSeconds(25)));
      var running = runInBackground("run", spec.toString(), "--progress", "none");
      awaitRequests(2);
      long pressed = System.nanoTime();
      ctrlC.press();
      CommandHarness.Result result = running.get(30, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - pressed);

      assertThat(result.exitCode()).as(result::toString).isEqualTo(130);
      assertThat(vis.sleeps).as("the drain waited through the sleeper").contains(RunSession.DRAIN);
      assertThat(took).isLessThan(RunSession.DRAIN.plusSeconds(5));
      assertThat(count("SELECT count(*) FROM tasks WHERE status = 'pending'")).isEqualTo(20);
      assertThat(count("SELECT count(*) FROM runs WHERE status = 'interrupted'")).isOne();
      assertThat(result.err()).contains("--resume " + result.runId());
    }

    @Test
    void with_quiet_still_says_how_to_resume() throws Exception {
      answer(FakeOpenAiServer.completion("Acme CRM.").withDelay(Duration.ofMillis(200)));
      var running = runInBackground("run", spec.toString(), "--quiet");
      awaitRequests(1);
      ctrlC.press();
      CommandHarness.Result result = running.get(30, TimeUnit.SECONDS);
      assertThat(result.exitCode()).as(result::toString).isEqualTo(130);
      assertThat(result.err())
          .contains("resume with: vis run " + spec + " --resume " + result.runId());
    }
  }

  @Nested
  class TheSecondPress {
    @Test
    void halts_at_once_with_130_after_saying_how_to_resume() throws Exception {
      answer(FakeOpenAiServer.completion("Acme CRM.").withDelay(Duration.ofMillis(500)));
      var running = runInBackground("run", spec.toString(), "--progress", "none");
      awaitRequests(1);
      ctrlC.press();
      ctrlC.press();
      CommandHarness.Result result = running.get(30, TimeUnit.SECONDS);
      assertThat(ctrlC.halts).containsExactly(130);
      assertThat(result.err()).contains("quitting at once", "--resume " + result.runId());
    }
  }

  @Nested
  class SigtermAndSighup {
    @Test
    void sigterm_drains_like_ctrl_c_leaves_the_run_resumable_and_exits_143() throws Exception {
      drainsAndExitsWith(StopSignal.TERM, 143, "stopped by SIGTERM: no new calls");
    }

    @Test
    void sighup_drains_like_ctrl_c_leaves_the_run_resumable_and_exits_129() throws Exception {
      drainsAndExitsWith(StopSignal.HUP, 129, "stopped by SIGHUP: no new calls");
    }

    @Test
    void a_second_signal_halts_at_once_with_the_first_signals_code() throws Exception {
      answer(FakeOpenAiServer.completion("Acme CRM.").withDelay(Duration.ofMillis(500)));
      var running = runInBackground("run", spec.toString(), "--progress", "none");
      awaitRequests(1);
      ctrlC.send(StopSignal.TERM);
      ctrlC.press();
      CommandHarness.Result result = running.get(30, TimeUnit.SECONDS);
      assertThat(ctrlC.halts).containsExactly(143);
      assertThat(result.err()).contains("quitting at once", "--resume " + result.runId());
    }

    @Test
    void the_signal_comes_before_a_failure_rate_over_the_limit() throws Exception {
      answer(
          FakeOpenAiServer.badRequest("Invalid 'messages': too long")
              .withDelay(Duration.ofMillis(200)));
      var running = runInBackground("run", spec.toString(), "--progress", "none");
      awaitRequests(3);
      ctrlC.send(StopSignal.HUP);
      CommandHarness.Result result = running.get(30, TimeUnit.SECONDS);
      assertThat(count("SELECT count(*) FROM tasks WHERE status = 'failed'"))
          .as(result::toString)
          .isPositive();
      assertThat(result.exitCode()).as(result::toString).isEqualTo(129);
    }

    private void drainsAndExitsWith(StopSignal signal, int code, String notice) throws Exception {
      var running = runWithTwoSlowCallsInFlight();
      ctrlC.send(signal);
      CommandHarness.Result result = running.get(30, TimeUnit.SECONDS);

      assertThat(result.exitCode()).as(result::toString).isEqualTo(code);
      assertThat(result.err())
          .as(result::toString)
          .contains(notice)
          .contains("resume: vis run " + spec + " --resume " + result.runId());
      assertThat(count("SELECT count(*) FROM runs WHERE status = 'interrupted'")).isOne();
      assertThat(count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isBetween(2L, 19L);
      assertThat(ctrlC.halts).isEmpty();

      vis.interrupts = Interrupts.NONE;
      server.defaultReply(FakeOpenAiServer.completion("Acme CRM."));
      CommandHarness.Result resumed =
          vis.run("run", spec.toString(), "--resume", result.runId(), "--quiet");
      assertThat(resumed.exitCode()).as(resumed::toString).isZero();
      assertThat(count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(20);
    }
  }

  @Test
  void a_press_after_the_run_ended_does_nothing() throws Exception {
    server.defaultReply(FakeOpenAiServer.completion("Acme CRM."));
    CommandHarness.Result result = vis.run("run", spec.toString(), "--quiet");
    assertThat(result.exitCode()).as(result::toString).isZero();
    ctrlC.press();
    assertThat(ctrlC.halts).isEmpty();
    assertThat(count("SELECT count(*) FROM runs WHERE status = 'done'")).isOne();
  }
}
