package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.FakeOpenAiServer;
import dev.vis.spec.SpecYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs that stop on purpose: a cost cap, a refused key, a spent quota, a failing provider.
 */
class LimitsRunTest {
  @TempDir Path dir;
  CommandHarness vis;
  FakeOpenAiServer server;

  @BeforeEach
  void setUp() {
    vis = new CommandHarness(dir);
    vis.env.put("LOCAL_KEY", "sk-local-test");
    server = FakeOpenAiServer.start(List.of("Acme CRM", "Globex"));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  /** Three prompts, four samples, concurrency 3; {@code models} is the YAML list of models. */
  private Path spec(String models, String extra) throws Exception {
    return Files.writeString(
        dir.resolve("limits.yaml"),
        SpecYaml.crm("limits", 3)
            + """
        models:
        %s
        samples: 4
        concurrency: 3
        retry: {max_attempts: 2, initial_delay: 1s, max_delay: 30s}
        %s
        """
                .formatted(models.indent(2).stripTrailing(), extra));
  }

  private String localModel(String id, String model) {
    return """
        - id: %s
          provider: openai-compatible
          base_url: %s
          api_key_env: LOCAL_KEY
          model: %s
          max_tokens: 100
        """
        .formatted(id, server.baseUrl(), model);
  }

  private static final String SIM_MODEL =
      """
      - id: offline
        provider: sim
        sim: {seed: 7}
      """;

  @Test
  void a_spent_budget_stops_with_exit_4_and_a_higher_cap_on_resume_calls_exactly_the_rest()
      throws Exception {
    // $1 per thousand tokens: a call is estimated at about $0.12 and costs about $0.04
    Path spec =
        spec(localModel("local", "llama3.1"), "pricing:\n  llama3.1: {input: 1000, output: 1000}");

    CommandHarness.Result run =
        vis.run("run", spec.toString(), "--progress", "none", "--max-usd", "0.30");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    int ok = vis.count("SELECT count(*) FROM tasks WHERE status = 'ok'");
    assertThat(ok).isBetween(1, 11);
    assertThat(server.requestCount()).isEqualTo(ok);
    assertThat(vis.count("SELECT count(*) FROM tasks WHERE status = 'pending'")).isEqualTo(12 - ok);
    assertThat(vis.text("SELECT status FROM runs")).isEqualTo("budget");
    assertThat(Double.parseDouble(vis.text("SELECT sum(cost_usd) FROM answers")))
        .isLessThanOrEqualTo(0.30);
    assertThat(run.err())
        .contains("budget: spent $", "of the $0.30 cap", "stay pending")
        .contains(
            "resume with a higher cap: vis run "
                + spec
                + " --resume "
                + run.runId()
                + " --max-usd ");

    vis.run("run", spec.toString(), "--resume", run.runId(), "--progress", "none", "--max-usd", "5")
        .assertExit(0);
    assertThat(vis.count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(12);
    assertThat(server.requestCount()).as("only the missing tasks are called").isEqualTo(12);
    assertThat(vis.text("SELECT max_usd FROM runs"))
        .as("the new cap replaces the run's")
        .isEqualTo("5");
    assertThat(vis.text("SELECT status FROM runs")).isEqualTo("done");
  }

  @Test
  void a_resume_without_a_higher_cap_calls_nothing_and_exits_4_again() throws Exception {
    Path spec =
        spec(localModel("local", "llama3.1"), "pricing:\n  llama3.1: {input: 1000, output: 1000}");
    String id = vis.run("run", spec.toString(), "--quiet", "--max-usd", "0.30").runId();
    int calls = server.requestCount();

    CommandHarness.Result resume =
        vis.run("run", spec.toString(), "--resume", id, "--progress", "none");

    assertThat(resume.exitCode()).as(resume.toString()).isEqualTo(4);
    assertThat(server.requestCount()).isEqualTo(calls);
  }

  @Test
  void a_cap_on_an_unpriced_model_is_refused_before_anything_is_called() throws Exception {
    Path spec =
        spec(
            localModel("local", "no-such-price")
                .replace(server.baseUrl(), "https://llm.example.test/v1"),
            "");

    CommandHarness.Result run = vis.run("run", spec.toString(), "--max-usd", "1");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("no price for local");
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void a_refused_key_costs_at_most_the_calls_in_flight_and_fails_every_task_of_that_key_resumably()
      throws Exception {
    Path spec = spec(localModel("first", "llama3.1") + localModel("second", "qwen"), "");
    server.defaultReply(FakeOpenAiServer.invalidApiKey());

    CommandHarness.Result run = vis.run("run", spec.toString(), "--progress", "none");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(server.requestCount()).as("no more than concurrency 3").isBetween(1, 3);
    assertThat(vis.count("SELECT count(*) FROM tasks WHERE status = 'failed'")).isEqualTo(24);
    assertThat(vis.count("SELECT count(*) FROM tasks WHERE error LIKE '%Incorrect API key%'"))
        .as("every task names the cause")
        .isEqualTo(24);
    assertThat(run.err()).contains("not called: authentication", "resume:");

    server.defaultReply(FakeOpenAiServer.completion("Acme CRM is fine."));
    vis.run("run", spec.toString(), "--resume", "--quiet").assertExit(0);
    assertThat(vis.count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(24);
  }

  @Test
  void a_spent_quota_stops_only_that_model() throws Exception {
    Path spec = spec(localModel("broke", "llama3.1") + localModel("funded", "qwen"), "");
    server.defaultReply(
        request ->
            request.json().path("model").asText().equals("llama3.1")
                ? FakeOpenAiServer.insufficientQuota()
                : FakeOpenAiServer.completion("Globex, then Acme CRM."));

    vis.run("run", spec.toString(), "--progress", "none", "--max-failure-rate", "60").assertExit(0);
    assertThat(vis.tasks("funded", "ok")).isEqualTo(12);
    assertThat(vis.tasks("broke", "failed")).isEqualTo(12);
    long brokeCalls =
        server.requests().stream()
            .filter(r -> r.json().path("model").asText().equals("llama3.1"))
            .count();
    assertThat(brokeCalls).isBetween(1L, 3L);
    assertThat(
            vis.count(
                "SELECT count(*) FROM tasks WHERE error LIKE 'not called: model broke has no quota left%'"))
        .isEqualTo(12 - (int) brokeCalls);
  }

  @Test
  void a_provider_that_keeps_failing_opens_its_circuit_while_another_provider_completes()
      throws Exception {
    Path spec = spec(localModel("flaky", "llama3.1") + SIM_MODEL, "");
    server.defaultReply(FakeOpenAiServer.serverError());

    CommandHarness.Result run =
        vis.run("run", spec.toString(), "--progress", "none", "--max-failure-rate", "60");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(vis.tasks("offline", "ok")).isEqualTo(12);
    assertThat(vis.tasks("flaky", "failed")).isEqualTo(12);
    assertThat(server.requestCount())
        .as("5 failures open it; at most 2 more were already in flight")
        .isBetween(5, 7);
    assertThat(
            vis.count(
                "SELECT count(*) FROM tasks WHERE error LIKE 'not called: endpoint openai-compatible at http%circuit open after 5 consecutive failures%'"))
        .isGreaterThan(0);
    assertThat(run.err()).contains("not called: circuit open");
  }
}
