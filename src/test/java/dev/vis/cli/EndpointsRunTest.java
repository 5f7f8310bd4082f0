package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.FakeHttpServer.Received;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.FakeOpenAiServer;
import dev.vis.spec.SpecYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs over two servers of one provider type: each server is an endpoint of its own. */
class EndpointsRunTest {
  @TempDir Path dir;
  CommandHarness vis;
  FakeOpenAiServer healthy;
  FakeOpenAiServer broken;

  @BeforeEach
  void setUp() {
    vis = new CommandHarness(dir);
    healthy = FakeOpenAiServer.start(List.of("Acme CRM", "Globex"));
    broken = FakeOpenAiServer.start(List.of("Acme CRM", "Globex"));
  }

  @AfterEach
  void tearDown() {
    healthy.close();
    broken.close();
  }

  private Path spec(String extra) throws Exception {
    return Files.writeString(
        dir.resolve("two-servers.yaml"),
        SpecYaml.crm("two-servers", 3)
            + """
        models:
          - id: healthy
            provider: openai-compatible
            base_url: %s
            model: llama3.1
          - id: broken
            provider: openai-compatible
            base_url: %s
            model: llama3.1
        samples: 4
        concurrency: 2
        retry: {max_attempts: 1, initial_delay: 1s, max_delay: 30s}
        %s
        """
                .formatted(healthy.baseUrl(), broken.baseUrl(), extra));
  }

  @Test
  void a_server_answering_500_opens_only_its_own_circuit_not_its_siblings_on_another_base_url()
      throws Exception {
    // regression: the breaker was keyed by provider type, so the healthy server's tasks failed
    // as "circuit open" once the broken one had failed five times
    healthy.defaultReply(FakeOpenAiServer.completion("Acme CRM, then Globex."));
    broken.defaultReply(FakeOpenAiServer.serverError());

    vis.run("run", spec("").toString(), "--progress", "none", "--max-failure-rate", "60")
        .assertExit(0);
    assertThat(vis.tasks("healthy", "ok")).isEqualTo(12);
    assertThat(healthy.requestCount()).isEqualTo(12);
    assertThat(vis.tasks("broken", "failed")).isEqualTo(12);
    assertThat(broken.requestCount())
        .as("5 failures open its circuit; at most one more was already in flight")
        .isBetween(5, 6);
    assertThat(
            vis.count(
                "SELECT count(*) FROM tasks WHERE model_id = 'broken' AND error LIKE 'not called:"
                    + " endpoint openai-compatible at "
                    + broken.baseUrl()
                    + " circuit open after 5 consecutive failures%'"))
        .isGreaterThan(0);
  }

  @Test
  void a_provider_concurrency_cap_holds_each_endpoint_apart() throws Exception {
    // each server's first call waits until the other server has a call in flight too: with one
    // permit shared by the provider name, that never happens and the wait runs out
    CountDownLatch firstCalls = new CountDownLatch(2);
    AtomicBoolean met = new AtomicBoolean(true);
    Function<Received, Reply> meet =
        request -> {
          firstCalls.countDown();
          try {
            if (!firstCalls.await(10, TimeUnit.SECONDS)) {
              met.set(false);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return FakeOpenAiServer.completion("Acme CRM.");
        };
    healthy.defaultReply(meet);
    broken.defaultReply(meet);

    vis.run(
            "run",
            spec("providers:\n  openai-compatible: {concurrency: 1}").toString(),
            "--progress",
            "none")
        .assertExit(0);
    assertThat(met).as("both servers had a call in flight at once").isTrue();
    assertThat(vis.count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(24);
  }

  @Test
  void a_provider_rate_limit_fills_one_bucket_per_endpoint() throws Exception {
    // rpm 360 lets 3 calls through at once: 3 per server pass without a wait, 6 in one bucket
    // could not
    healthy.defaultReply(FakeOpenAiServer.completion("Acme CRM."));
    broken.defaultReply(FakeOpenAiServer.completion("Globex."));

    vis.run(
            "run",
            spec("providers:\n  openai-compatible: {rpm: 360}").toString(),
            "--samples",
            "1",
            "--progress",
            "none")
        .assertExit(0);
    assertThat(vis.count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(6);
    assertThat(vis.sleeps).as("no call waited for a bucket").isEmpty();
  }
}
