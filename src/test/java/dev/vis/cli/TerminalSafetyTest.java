package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vis.provider.FakeHttpServer.Reply;
import dev.vis.provider.FakeOpenAiServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §5 terminal safety: control characters and bidirectional overrides from providers and specs
 * reach the terminal escaped, while the database and JSONL keep them exactly.
 */
class TerminalSafetyTest {
  /** Clears the screen, homes the cursor, forges a success line and rings the bell. */
  static final String FORGED = "\u001b[2J\u001b[Hvis: run done, 0 failed\u0007";

  /** An answer with colour codes, a right-to-left override and a bell in it. */
  static final String ANSWER =
      "Acme CRM \u001b[31mred\u001b[0m, \u202egnp.evil\u202c and a bell\u0007";

  @AutoClose
  final FakeOpenAiServer server =
      FakeOpenAiServer.start(List.of("Acme CRM"))
          .defaultReply(
              request ->
                  FakeOpenAiServer.prompt(request).contains("broken")
                      ? Reply.json(500, FakeOpenAiServer.error(FORGED, "server_error", null))
                      : FakeOpenAiServer.completion(ANSWER));

  CommandHarness vis;
  Path spec;

  @BeforeEach
  void writeSpec(@TempDir Path dir) throws Exception {
    vis = new CommandHarness(dir);
    spec =
        Files.writeString(
            dir.resolve("safety.yaml"),
            """
        version: 1
        name: "safety\\e[2J\\u202e"
        brands:
          - name: Acme CRM
            primary: true
        prompts:
          - {id: fine, text: "Which CRM is fine?"}
          - {id: broken, text: "Which CRM is broken?"}
        models:
          - {id: local, provider: openai-compatible, base_url: "%s", model: llama3.1}
        samples: 1
        concurrency: 1
        retry: {max_attempts: 1}
        """
                .formatted(server.baseUrl()));
  }

  private static void assertNothingRaw(CommandHarness.Result result) {
    assertThat(TerminalTextTest.hasUnsafe(result.err(), "\n"))
        .as("a raw control character on stderr\n" + result)
        .isFalse();
  }

  @Nested
  class TheTerminal {
    @Test
    void shows_a_500_whose_message_clears_the_screen_escaped_in_the_run_summary() {
      CommandHarness.Result run = vis.run("run", spec.toString(), "--progress", "plain");

      assertThat(run.exitCode()).as(run::toString).isEqualTo(1);
      assertNothingRaw(run);
      assertThat(run.err())
          .as(run::toString)
          .contains("server error, e.g. ")
          .contains("\\u001b[2J\\u001b[Hvis: run done, 0 failed\\u0007")
          .contains("safety\\u001b[2J\\u202e " + run.runId() + ": failed.");
    }

    @Test
    void shows_a_spec_name_escaped_in_the_runs_table_and_the_dry_run() {
      CommandHarness.Result run = vis.run("run", spec.toString(), "--quiet");
      CommandHarness.Result runs = vis.run("runs");
      CommandHarness.Result dry = vis.run("run", spec.toString(), "--dry-run");

      assertThat(runs.exitCode()).as(runs::toString).isZero();
      assertThat(TerminalTextTest.hasUnsafe(runs.out(), "\n")).as(runs::toString).isFalse();
      assertThat(runs.out()).contains(run.runId() + "  safety\\u001b[2J\\u202e");
      assertThat(dry.exitCode()).as(dry::toString).isZero();
      assertThat(TerminalTextTest.hasUnsafe(dry.out(), "\n")).as(dry::toString).isFalse();
      assertThat(dry.out()).startsWith("safety\\u001b[2J\\u202e: 2 prompts");
    }

    @Test
    void shows_an_error_message_that_repeats_what_was_typed_escaped() {
      vis.run("run", spec.toString(), "--quiet");
      CommandHarness.Result report = vis.run("report", "\u001b[2J\u001b[Hgone\u0007");

      assertThat(report.exitCode()).as(report::toString).isEqualTo(2);
      assertNothingRaw(report);
      assertThat(report.err()).contains("no run '\\u001b[2J\\u001b[Hgone\\u0007'");
    }

    @Test
    void shows_a_usage_error_that_repeats_what_was_typed_escaped() {
      CommandHarness.Result typo = vis.run("run", spec.toString(), "--\u001b[2Jconcurrency", "2");

      assertThat(typo.exitCode()).as(typo::toString).isEqualTo(2);
      assertNothingRaw(typo);
      assertThat(typo.err()).contains("--\\u001b[2Jconcurrency");
    }
  }

  @Nested
  class TheStoredData {
    @Test
    void keeps_answers_and_errors_as_they_came_in_the_database_and_the_jsonl_export()
        throws Exception {
      CommandHarness.Result run = vis.run("run", spec.toString(), "--quiet");
      assertThat(run.exitCode()).as(run::toString).isEqualTo(1);

      assertThat(column("SELECT text FROM answers")).containsExactly(ANSWER);
      assertThat(column("SELECT error FROM tasks WHERE status = 'failed'"))
          .singleElement()
          .asString()
          .contains(FORGED);

      CommandHarness.Result export = vis.run("export", run.runId(), "--format", "jsonl");
      assertThat(export.exitCode()).as(export::toString).isZero();
      List<JsonNode> rows = new ArrayList<>();
      for (String line : export.out().lines().toList()) {
        rows.add(new ObjectMapper().readTree(line));
      }
      JsonNode answered =
          rows.stream()
              .filter(r -> r.get("status").asText().equals("ok"))
              .findFirst()
              .orElseThrow();
      JsonNode failed =
          rows.stream()
              .filter(r -> r.get("status").asText().equals("failed"))
              .findFirst()
              .orElseThrow();
      assertThat(answered.get("text").asText().getBytes(StandardCharsets.UTF_8))
          .isEqualTo(ANSWER.getBytes(StandardCharsets.UTF_8));
      assertThat(failed.get("error").asText()).contains(FORGED);
    }
  }

  private List<String> column(String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + vis.dir.resolve("vis.db"));
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
