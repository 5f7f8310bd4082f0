package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.cli.AcceptanceWire.Expected;
import dev.vis.provider.FakeHttpServer;
import dev.vis.provider.PriceTable;
import dev.vis.spec.Price;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance suite every provider passes: whole {@code vis run}s over real HTTP against a local
 * fake server that answers in the provider's own wire format, once per {@link AcceptanceWire}.
 */
class ProviderAcceptanceTest {
  @TempDir Path dir;
  CommandHarness vis;
  FakeHttpServer server;
  Path spec;

  static Stream<AcceptanceWire> wires() {
    return AcceptanceWires.all();
  }

  /** Starts {@code wire}'s fake server and writes a spec asking its model three prompts twice. */
  private void start(AcceptanceWire wire) throws Exception {
    vis = new CommandHarness(dir);
    vis.env.putAll(wire.env());
    server = wire.start();
    spec = dir.resolve("acceptance.yaml");
    Files.writeString(
        spec,
        "version: 1\nname: acceptance\n"
            + AcceptanceWires.BRANDS
            + AcceptanceWires.prompts(
                "best-crm", "What is the best CRM?",
                "cheap-crm", "Which CRM is cheapest?",
                "crm-smb", "Which CRM suits a small business?")
            + """
            samples: 2
            concurrency: 1
            retry: {max_attempts: 3, initial_delay: 1s, max_delay: 30s}
            """
            + wire.modelsYaml(server));
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private CommandHarness.Result run(String... extra) {
    List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--progress", "none"));
    args.addAll(List.of(extra));
    return vis.run(args.toArray(String[]::new));
  }

  /** The rows {@code sql} selects from the run's database, a null read as "". */
  private List<List<String>> rows(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vis.db"))) {
      ResultSet rs = c.createStatement().executeQuery(sql);
      List<List<String>> rows = new ArrayList<>();
      int width = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          row.add(rs.getString(i) == null ? "" : rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private int count(String sql) throws Exception {
    return Integer.parseInt(rows(sql).get(0).get(0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wires")
  void stores_answers_with_citations_grounding_and_cost(AcceptanceWire wire) throws Exception {
    start(wire);
    Expected expected = wire.expected();

    CommandHarness.Result run = run();

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(6);
    assertThat(count("SELECT count(*) FROM mentions WHERE brand = 'Acme CRM'")).isEqualTo(6);
    String modelName = wire.model().name();
    Price price =
        PriceTable.builtIn()
            .find(modelName, modelName)
            .orElseThrow(() -> new AssertionError("no built-in price for " + modelName));
    BigDecimal cost = expected.cost(price);
    for (List<String> answer :
        rows(
            "SELECT input_tokens, output_tokens, searches, grounded, cost_usd, price_input,"
                + " price_output FROM answers")) {
      assertThat(answer.subList(0, 4))
          .containsExactly(
              String.valueOf(expected.inputTokens()),
              String.valueOf(expected.outputTokens()),
              String.valueOf(expected.searches()),
              expected.grounded() ? "1" : "0");
      assertThat(new BigDecimal(answer.get(4)).doubleValue())
          .as("cost = usage x the built-in price")
          .isCloseTo(cost.doubleValue(), Offset.offset(1e-12));
      assertThat(new BigDecimal(answer.get(5))).isEqualByComparingTo(price.input());
      assertThat(new BigDecimal(answer.get(6))).isEqualByComparingTo(price.output());
    }
    assertThat(rows("SELECT DISTINCT served_model FROM answers"))
        .as("the model the reply says answered")
        .containsExactly(List.of(expected.servedModel()));
    String firstTask = "(SELECT min(id) FROM tasks)";
    assertThat(rows("SELECT url FROM citations WHERE kind = 'cited' AND task_id = " + firstTask))
        .extracting(r -> r.get(0))
        .containsExactlyInAnyOrderElementsOf(expected.cited());
    assertThat(
            rows("SELECT url FROM citations WHERE kind = 'retrieved' AND task_id = " + firstTask))
        .extracting(r -> r.get(0))
        .containsExactlyInAnyOrderElementsOf(expected.retrieved());
    if (expected.cited().stream().anyMatch(u -> u.contains("acme.com"))) {
      assertThat(
              count("SELECT count(*) FROM citations WHERE brand = 'Acme CRM' AND kind = 'cited'"))
          .isGreaterThanOrEqualTo(6);
    }

    CommandHarness.Result export = vis.run("export", "--format", "jsonl", "--table", "responses");
    assertThat(export.exitCode()).as(export.toString()).isZero();
    assertThat(export.out()).contains("\"grounded\":" + expected.grounded());
    assertThat(export.out()).contains("\"served_model\":\"" + expected.servedModel() + "\"");
    CommandHarness.Result citations = vis.run("export", "--format", "csv", "--table", "citations");
    assertThat(citations.out().lines().count())
        .isEqualTo(1 + count("SELECT count(*) FROM citations"));
    CommandHarness.Result report = vis.run("report");
    assertThat(report.exitCode()).as(report.toString()).isZero();
    assertThat(report.out()).contains("Acme CRM").contains(expected.servedModel());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wires")
  void a_rate_limit_is_retried_after_the_delay_the_server_asked_for(AcceptanceWire wire)
      throws Exception {
    start(wire);
    server.enqueue(wire.errors().rateLimited().apply(Duration.ofSeconds(7)));

    CommandHarness.Result run = run();

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(6);
    assertThat(server.requestCount()).isEqualTo(7);
    assertThat(vis.sleeps)
        .as("the server's delay is honoured, lengthened by jitter at most 10%")
        .anyMatch(
            d ->
                d.compareTo(Duration.ofSeconds(7)) >= 0
                    && d.compareTo(Duration.ofMillis(7700)) <= 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wires")
  void an_exhausted_quota_fails_fast_without_a_retry_storm(AcceptanceWire wire) throws Exception {
    start(wire);
    server.defaultReply(wire.errors().quotaExhausted());

    CommandHarness.Result run = run("--max-failure-rate", "100");

    assertThat(count("SELECT count(*) FROM tasks WHERE status = 'failed'")).isEqualTo(6);
    assertThat(server.requestCount()).as("a spent quota is never retried").isLessThanOrEqualTo(6);
    assertThat(count("SELECT count(*) FROM attempts WHERE outcome = 'retryable'")).isZero();
    assertThat(vis.sleeps).isEmpty();
    assertThat(run.err()).containsIgnoringCase("quota");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wires")
  void a_server_error_is_retried(AcceptanceWire wire) throws Exception {
    start(wire);
    server.enqueue(wire.errors().serverError(), wire.errors().serverError());

    CommandHarness.Result run = run();

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(6);
    assertThat(count("SELECT count(*) FROM attempts WHERE outcome = 'retryable'")).isEqualTo(2);
    assertThat(server.requestCount()).isEqualTo(8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wires")
  void an_authentication_error_is_final_and_the_key_is_never_stored(AcceptanceWire wire)
      throws Exception {
    start(wire);
    server.defaultReply(wire.errors().authError());

    CommandHarness.Result run = run();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM tasks WHERE status = 'failed'")).isEqualTo(6);
    assertThat(count("SELECT count(*) FROM attempts WHERE outcome = 'retryable'")).isZero();
    assertThat(server.requestCount()).isLessThanOrEqualTo(6);
    assertThat(run.err()).contains("authentication");
    String database =
        new String(Files.readAllBytes(dir.resolve("vis.db")), StandardCharsets.ISO_8859_1);
    for (String secret : wire.env().values()) {
      assertThat(database).doesNotContain(secret);
      assertThat(run.err()).doesNotContain(secret);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wires")
  void a_malformed_body_is_kept_and_the_task_fails_after_its_attempts(AcceptanceWire wire)
      throws Exception {
    start(wire);
    server.defaultReply(AcceptanceWire.MALFORMED);

    CommandHarness.Result run = run("--max-failure-rate", "100");

    assertThat(count("SELECT count(*) FROM tasks WHERE status = 'failed'")).isEqualTo(6);
    assertThat(server.requestCount()).isEqualTo(18);
    assertThat(rows("SELECT DISTINCT raw_body FROM attempts"))
        .extracting(r -> r.get(0))
        .containsExactly(AcceptanceWire.MALFORMED.body());
    assertThat(rows("SELECT DISTINCT error FROM tasks"))
        .singleElement()
        .satisfies(r -> assertThat(r.get(0)).contains("not valid JSON"));
    assertThat(run.exitCode()).as("within --max-failure-rate 100").isZero();
  }

  @Test
  void the_anthropic_example_spec_is_valid_and_priced() throws Exception {
    start(AcceptanceWires.anthropic());

    CommandHarness.Result dryRun = vis.run("run", "examples/anthropic.yaml", "--dry-run");

    assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
    assertThat(dryRun.out() + dryRun.err())
        .contains("sonnet-search")
        .doesNotContain("no price")
        .doesNotContain(AcceptanceWires.ANTHROPIC_KEY);
    assertThat(server.requestCount()).as("a dry run calls nothing").isZero();
  }

  @Test
  void gemini_redirect_citations_go_to_brands_by_the_chunk_title() throws Exception {
    AcceptanceWire gemini = AcceptanceWires.gemini();
    start(gemini);

    CommandHarness.Result run = run();

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(server.requests())
        .allSatisfy(r -> assertThat(r.query()).doesNotContain(AcceptanceWires.GEMINI_KEY))
        .allSatisfy(
            r -> assertThat(r.header("x-goog-api-key")).contains(AcceptanceWires.GEMINI_KEY));
    List<String> cited = gemini.expected().cited();
    assertThat(
            rows(
                "SELECT url, domain, brand, kind FROM citations"
                    + " WHERE task_id = (SELECT min(id) FROM tasks) ORDER BY ord"))
        .containsExactly(
            List.of(cited.get(0), "acme.com", "Acme CRM", "cited"),
            List.of(cited.get(1), "globex.com", "Globex", "cited"),
            List.of(gemini.expected().retrieved().get(0), "crm-reviews.example", "", "retrieved"));
    assertThat(rows("SELECT count(*) FROM answers WHERE text LIKE '%Comparing CRMs%'"))
        .as("thought summaries are not answer text")
        .containsExactly(List.of("0"));
  }
}
