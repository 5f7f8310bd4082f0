package dev.vis.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.FakeOpenAiServer;
import dev.vis.spec.SpecYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar against a priced OpenAI-format provider: a cost cap stops the run with exit 4 and a
 * higher cap on {@code --resume} finishes it; a wrong key costs a handful of calls, not one per
 * task, and a resume with the right key finishes the run.
 */
class BudgetAndBadKeyIT {
  static final String RIGHT_KEY = "sk-test-right-0123456789abcdef";
  static final String WRONG_KEY = "sk-test-wrong-0123456789abcdef";

  static final String SPEC =
      SpecYaml.teams("priced", "one", "two", "three", "four", "five")
          + """
      models:
        - id: mini
          provider: openai
          model: gpt-4o-mini
          max_tokens: 100
      providers:
        openai: {base_url: "%s"}
      samples: 4
      concurrency: 4
      retry: {max_attempts: 3, initial_delay: 20ms, max_delay: 2s}
      pricing:
        gpt-4o-mini: {input: 1000, output: 1000}
      """;

  @TempDir Path root;
  FakeOpenAiServer server;
  JarRunner vis;
  SqliteProbe db;

  @BeforeEach
  void start() throws IOException {
    server = FakeOpenAiServer.start(List.of("Acme CRM", "Globex")).expectApiKey(RIGHT_KEY);
    vis = JarRunner.in(root);
    db = new SqliteProbe(vis.workDir().resolve("vis.db"));
    Files.writeString(vis.workDir().resolve("priced.yaml"), SPEC.formatted(server.baseUrl()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_budget_stop_exits_4_and_a_resume_with_a_higher_cap_finishes_the_run() {
    JarRunner.Result first =
        vis.withEnv("OPENAI_API_KEY", RIGHT_KEY)
            .run("run", "priced.yaml", "--max-usd", "0.5", "--progress", "none");

    assertThat(first.exitCode()).as(first::toString).isEqualTo(4);
    assertThat(db.text("SELECT status FROM runs")).isEqualTo("budget");
    long okBefore = db.number(SqliteProbe.OK_TASKS);
    assertThat(okBefore).isBetween(1L, 19L);
    assertThat(db.number("SELECT count(*) FROM tasks WHERE status = 'pending'"))
        .isEqualTo(20 - okBefore);
    assertThat(first.err()).contains("--max-usd");
    int callsBefore = server.requestCount();

    JarRunner.Result resume =
        vis.withEnv("OPENAI_API_KEY", RIGHT_KEY)
            .run("run", "priced.yaml", "--resume", "--max-usd", "100", "--progress", "none");

    assertThat(resume.exitCode()).as(resume::toString).isZero();
    assertThat(db.text("SELECT status FROM runs")).isEqualTo("done");
    assertThat(db.number(SqliteProbe.OK_TASKS)).isEqualTo(20);
    assertThat(server.requestCount() - callsBefore).isEqualTo((int) (20 - okBefore));
  }

  @Test
  void a_wrong_key_costs_a_handful_of_calls_and_a_resume_with_the_right_key_finishes()
      throws IOException {
    JarRunner.Result first =
        vis.withEnv("OPENAI_API_KEY", WRONG_KEY).run("run", "priced.yaml", "--progress", "none");

    assertThat(first.exitCode()).as(first::toString).isEqualTo(1);
    assertThat(server.requestCount()).as("at most the calls in flight").isLessThanOrEqualTo(4);
    assertThat(db.number("SELECT count(*) FROM tasks WHERE status = 'failed'")).isEqualTo(20);
    assertThat(first.err()).contains("authentication").doesNotContain(WRONG_KEY);
    String database = new String(Files.readAllBytes(vis.workDir().resolve("vis.db")), "ISO-8859-1");
    assertThat(database).doesNotContain(WRONG_KEY);

    JarRunner.Result resume =
        vis.withEnv("OPENAI_API_KEY", RIGHT_KEY)
            .run("run", "priced.yaml", "--resume", "--progress", "none");

    assertThat(resume.exitCode()).as(resume::toString).isZero();
    assertThat(db.number(SqliteProbe.OK_TASKS)).isEqualTo(20);
  }
}
