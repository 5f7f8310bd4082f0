package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.FakeOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run tells people: the summary's failure causes, the exit code's reason, the JSON log. */
class RunReportingTest {
  static final String KEY = "sk-test-DO-NOT-LEAK-4f9c2b";

  @TempDir Path dir;
  @AutoClose final FakeOpenAiServer server = FakeOpenAiServer.start(List.of("Acme CRM"));
  CommandHarness vis;
  Path spec;

  /** Answers well, with a malformed body, with 429 or with 400, as the prompt says. */
  @BeforeEach
  void scriptTheServer() throws Exception {
    vis = new CommandHarness(dir);
    vis.env.put("LOCAL_KEY", KEY);
    server.defaultReply(
        request -> {
          String prompt = FakeOpenAiServer.prompt(request);
          if (prompt.contains("broken")) {
            return Reply.json(200, "{\"choices\": [ not json");
          }
          if (prompt.contains("busy")) {
            return FakeOpenAiServer.rateLimited().withHeader("retry-after-ms", "10");
          }
          if (prompt.contains("refused")) {
            return FakeOpenAiServer.badRequest("Invalid 'messages': too long");
          }
          return FakeOpenAiServer.completion("Acme CRM is good.");
        });
    spec =
        Files.writeString(
            dir.resolve("report.yaml"),
            """
        version: 1
        name: reporting
        brands:
          - name: Acme CRM
            primary: true
        prompts:
          - id: fine
            text: Which CRM is fine?
          - id: broken
            text: Which CRM is broken?
          - id: busy
            text: Which CRM is busy?
          - id: refused
            text: Which CRM is refused?
        models:
          - id: local
            provider: local
            model: llama3.1
        providers:
          local: {type: openai-compatible, base_url: %s, api_key_env: LOCAL_KEY}
        samples: 2
        concurrency: 1
        retry: {max_attempts: 2, initial_delay: 1s, max_delay: 5s}
        """
                .formatted(server.baseUrl()));
  }

  @Nested
  class TheSummary {
    @Test
    void groups_failed_tasks_by_a_cause_a_person_reads_with_a_count_and_an_example() {
      CommandHarness.Result run = vis.run("run", spec.toString(), "--progress", "none");
      assertThat(run.err())
          .as(run::toString)
          .contains("failed tasks by cause:")
          .containsPattern(
              "(?m)^    2  malformed response, e\\.g\\. gave up after 2 attempts: .*HTTP 200")
          .containsPattern("(?m)^    2  rate limited, e\\.g\\. gave up after 2 attempts: .*429")
          .containsPattern("(?m)^    2  request rejected, e\\.g\\. .*too long")
          .doesNotContain("HTTP 200  ", "  HTTP 429");
    }

    @Test
    void a_failure_rate_over_the_limit_exits_1_and_says_why() {
      CommandHarness.Result run = vis.run("run", spec.toString(), "--progress", "none");
      assertThat(run.exitCode()).as(run::toString).isEqualTo(1);
      assertThat(run.err())
          .contains("vis: 6 of 8 answered tasks failed, over --max-failure-rate 5%: exit 1")
          .contains("resume: vis run " + spec + " --resume " + run.runId());
      assertThat(run.out()).isEqualTo(run.runId() + System.lineSeparator());
    }

    @Test
    void a_failure_rate_within_the_limit_exits_0() {
      CommandHarness.Result run =
          vis.run("run", spec.toString(), "--progress", "none", "--max-failure-rate", "80");
      assertThat(run.exitCode()).as(run::toString).isZero();
      assertThat(run.err()).doesNotContain("--max-failure-rate");
    }
  }

  @Nested
  class TheJsonLog {
    @Test
    void has_one_line_per_attempt_with_its_facts_and_never_the_key() throws Exception {
      Path log = dir.resolve("attempts.jsonl");
      CommandHarness.Result run =
          vis.run("run", spec.toString(), "--quiet", "--log-json", log.toString());
      List<String> lines = Files.readAllLines(log);
      assertThat(lines).hasSize(server.requestCount());
      ObjectMapper json = new ObjectMapper();
      List<JsonNode> attempts = lines.stream().map(l -> read(json, l)).toList();
      assertThat(attempts)
          .allSatisfy(
              a -> {
                assertThat(a.get("run").asText()).isEqualTo(run.runId());
                assertThat(a.get("provider").asText()).isEqualTo("local");
                assertThat(a.get("model").asText()).isEqualTo("llama3.1");
                assertThat(a.has("time") && a.has("task") && a.has("attempt")).isTrue();
                assertThat(a.get("latency_ms").asLong()).isNotNegative();
              });
      JsonNode ok =
          attempts.stream()
              .filter(a -> a.get("outcome").asText().equals("ok"))
              .findFirst()
              .orElseThrow();
      assertThat(ok.get("status").asInt()).isEqualTo(200);
      assertThat(ok.get("input_tokens").asLong()).isPositive();
      assertThat(ok.get("output_tokens").asLong()).isPositive();
      assertThat(ok.get("cost_usd").decimalValue()).isZero();
      assertThat(ok.get("error").isNull()).isTrue();
      JsonNode limited =
          attempts.stream().filter(a -> a.get("status").asInt() == 429).findFirst().orElseThrow();
      assertThat(limited.get("outcome").asText()).isEqualTo("retryable");
      assertThat(limited.get("error").asText()).contains("429");
      assertThat(attempts.stream().filter(a -> a.get("prompt").asText().equals("busy")))
          .extracting(a -> a.get("attempt").asInt())
          .containsExactlyInAnyOrder(1, 2, 1, 2);
      assertThat(server.lastRequest().header("authorization")).contains("Bearer " + KEY);
      assertThat(Files.readString(log)).doesNotContain(KEY, "Bearer", "authorization");
      assertThat(run.err()).doesNotContain(KEY);
    }

    @Test
    void an_unwritable_log_file_is_a_usage_error_before_anything_is_called() {
      CommandHarness.Result run =
          vis.run(
              "run",
              spec.toString(),
              "--log-json",
              dir.resolve("no/such/dir/log.jsonl").toString());
      assertThat(run.exitCode()).as(run::toString).isEqualTo(2);
      assertThat(run.err())
          .contains("--log-json", "no/such/dir/log.jsonl")
          .doesNotContain("Exception");
      assertThat(server.requestCount()).isZero();
    }
  }

  private static JsonNode read(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
