package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.FakeOpenAiServer;
import dev.vis.spec.SpecYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs against a local server that speaks OpenAI's Chat Completions, faults included. */
class OpenAiCompatibleRunTest {
  @TempDir Path dir;

  @AutoClose final FakeOpenAiServer server = FakeOpenAiServer.start(List.of("Acme CRM", "Globex"));

  CommandHarness vis;
  Path spec;

  @BeforeEach
  void writeSpec() throws Exception {
    vis = new CommandHarness(dir);
    spec =
        Files.writeString(
            dir.resolve("local.yaml"),
            SpecYaml.crm("local", 3)
                + """
        models:
          - id: local-llama
            provider: openai-compatible
            base_url: %s
            model: llama3.1
        samples: 4
        concurrency: 3
        retry: {max_attempts: 6, initial_delay: 1s, max_delay: 30s}
        """
                    .formatted(server.baseUrl()));
  }

  @Test
  void rate_limits_server_errors_and_malformed_bodies_are_retried_until_every_task_is_answered()
      throws Exception {
    // regression: with 4 attempts a task that met four of the five faults in a row failed now and
    // then; six attempts outlast all five
    server.enqueue(
        FakeOpenAiServer.rateLimited().withHeader("Retry-After", "7"),
        FakeOpenAiServer.serverError(),
        Reply.json(200, "{\"choices\": [ this is not json"),
        FakeOpenAiServer.rateLimited().withHeader("retry-after-ms", "1500"),
        FakeOpenAiServer.overloaded());

    CommandHarness.Result run = vis.run("run", spec.toString(), "--progress", "none");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(vis.count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(12);
    int retries = vis.count("SELECT count(*) FROM attempts WHERE outcome = 'retryable'");
    assertThat(retries).isEqualTo(5);
    assertThat(server.requestCount()).isEqualTo(12 + retries);
    assertThat(vis.sleeps)
        .as("server delays are honoured, never shortened")
        .contains(Duration.ofSeconds(7).plus(Duration.ofMillis(350)), Duration.ofMillis(1575));
    assertThat(vis.count("SELECT count(*) FROM attempts WHERE raw_body LIKE '%this is not json%'"))
        .as("the malformed body is kept")
        .isEqualTo(1);
    assertThat(run.err()).contains("12 of 12 tasks answered, 0 failed", "5 retries");
  }

  @Test
  void a_server_delay_longer_than_max_delay_fails_the_task_resumably_instead_of_sleeping()
      throws Exception {
    server.enqueue(FakeOpenAiServer.rateLimited().withHeader("Retry-After", "3600"));

    CommandHarness.Result run =
        vis.run("run", spec.toString(), "--progress", "none", "--max-failure-rate", "10");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(vis.sleeps).noneMatch(d -> d.toSeconds() >= 3600);
    assertThat(vis.count("SELECT count(*) FROM tasks WHERE status = 'failed'")).isEqualTo(1);
    assertThat(run.err()).contains("longer than retry.max_delay");

    CommandHarness.Result resume =
        vis.run("run", spec.toString(), "--resume", run.runId(), "--quiet");
    assertThat(resume.exitCode()).as(resume.toString()).isZero();
    assertThat(vis.count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(12);
    assertThat(server.requestCount()).isEqualTo(13);
  }

  @Test
  void a_bad_key_is_final_and_too_many_failures_fail_the_run_with_exit_1() throws Exception {
    server.defaultReply(FakeOpenAiServer.invalidApiKey());

    CommandHarness.Result run = vis.run("run", spec.toString(), "--progress", "none");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(server.requestCount())
        .as("401 is never retried and stops the key: only the calls in flight were made")
        .isBetween(1, 3);
    assertThat(run.err()).contains("failed tasks by cause", "authentication", "resume:");
    assertThat(vis.count("SELECT count(*) FROM runs WHERE status = 'failed'")).isEqualTo(1);
  }

  @Test
  void a_run_started_with_a_samples_override_can_be_resumed() throws Exception {
    // regression: resume compared the overridden sample count with the spec file's and refused
    server.enqueue(FakeOpenAiServer.rateLimited().withHeader("Retry-After", "3600"));
    String first =
        vis.run("run", spec.toString(), "--samples", "2", "--quiet", "--max-failure-rate", "50")
            .runId();

    CommandHarness.Result resume = vis.run("run", spec.toString(), "--resume", "--quiet");

    assertThat(resume.exitCode()).as(resume.toString()).isZero();
    assertThat(resume.runId()).isEqualTo(first);
    assertThat(vis.count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(6);
  }

  @Test
  void replay_calls_no_provider() throws Exception {
    String first = vis.run("run", spec.toString(), "--quiet").runId();
    int calls = server.requestCount();

    CommandHarness.Result replay = vis.run("replay", first);

    assertThat(replay.exitCode()).as(replay.toString()).isZero();
    assertThat(server.requestCount()).isEqualTo(calls);
    assertThat(vis.count("SELECT count(*) FROM answers")).isEqualTo(12);
  }

  @Test
  void resume_refuses_a_spec_whose_brand_rules_changed_and_points_to_replay() throws Exception {
    server.enqueue(FakeOpenAiServer.rateLimited().withHeader("Retry-After", "3600"));
    String first = vis.run("run", spec.toString(), "--quiet").runId();
    Files.writeString(
        spec,
        Files.readString(spec)
            .replace("- name: Globex", "- name: Globex\n    aliases: [Globex Cloud]"));

    CommandHarness.Result resume = vis.run("run", spec.toString(), "--resume");

    assertThat(resume.exitCode()).as(resume.toString()).isEqualTo(2);
    assertThat(resume.err())
        .contains("cannot resume run " + first, "brand rules", "vis replay " + first);
  }
}
