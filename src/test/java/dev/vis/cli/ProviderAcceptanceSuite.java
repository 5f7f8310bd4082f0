package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.FakeHttpServer;
import dev.vis.provider.FakeHttpServer.Reply;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance suite every provider passes: whole {@code vis run}s over real HTTP against a local
 * fake server that answers in the provider's own wire format. Each provider's test class extends
 * this with its {@link Wire}.
 */
abstract class ProviderAcceptanceSuite {

  /**
   * What one provider's fake server says, shaped like that provider's real responses.
   *
   * <p>The success reply must name {@code Acme CRM}, report token usage and (where the provider has
   * them) carry citations of {@code https://acme.com/...} and other domains.
   */
  interface Wire {
    /** A fake server answering every request with {@link #success()} until told otherwise. */
    FakeHttpServer start();

    /** The spec's {@code models:} and {@code providers:} sections for a model on {@code server}. */
    String modelsYaml(FakeHttpServer server);

    /** The environment the run needs (the API key variable). */
    Map<String, String> env();

    /** A successful answer with citations, as {@link #expected()} describes it. */
    Reply success();

    /** What the stored answer of {@link #success()} must hold. */
    Expected expected();

    /** A rate-limit error telling the client to wait {@code delay}, in the provider's way. */
    Reply rateLimited(Duration delay);

    /** The provider's error for a spent quota or credit: final, never retried. */
    Reply quotaExhausted();

    /** A server-side error the provider documents as transient (500, 503, 529). */
    Reply serverError();

    /** The provider's error for a wrong API key. */
    Reply authError();

    /** A 200 whose body is not valid JSON. */
    default Reply malformed() {
      return Reply.json(200, "{\"id\": \"resp_1\", \"content\": [ this is not json");
    }
  }

  /**
   * The stored facts of a successful answer.
   *
   * @param modelName the provider's model name, priced by the built-in table
   * @param inputTokens input tokens the reply reports
   * @param outputTokens output tokens the reply reports, reasoning included
   * @param searches web searches the provider bills for the reply
   * @param grounded whether a web search ran
   * @param cited URLs that must be stored as {@code cited}
   * @param retrieved URLs that must be stored as {@code retrieved}
   */
  record Expected(
      String modelName,
      long inputTokens,
      long outputTokens,
      int searches,
      boolean grounded,
      List<String> cited,
      List<String> retrieved) {

    /** What one such answer costs at {@code price}: usage times the price, search fee included. */
    BigDecimal cost(Price price) {
      return price
          .input()
          .multiply(BigDecimal.valueOf(inputTokens))
          .add(price.output().multiply(BigDecimal.valueOf(outputTokens)))
          .movePointLeft(6)
          .add(
              price
                  .searchPer1k()
                  .orElse(BigDecimal.ZERO)
                  .multiply(BigDecimal.valueOf(searches))
                  .movePointLeft(3));
    }
  }

  @TempDir Path dir;
  CommandHarness vis;
  FakeHttpServer server;
  Path spec;

  abstract Wire wire();

  @BeforeEach
  void startServer() throws Exception {
    vis = new CommandHarness(dir);
    vis.env.putAll(wire().env());
    server = wire().start();
    spec = dir.resolve("acceptance.yaml");
    Files.writeString(
        spec,
        """
        version: 1
        name: acceptance
        brands:
          - name: Acme CRM
            domains: [acme.com]
            primary: true
          - name: Globex
            domains: [globex.com]
        prompts:
          - id: best-crm
            text: What is the best CRM?
          - id: cheap-crm
            text: Which CRM is cheapest?
          - id: crm-smb
            text: Which CRM suits a small business?
        samples: 2
        concurrency: 1
        retry: {max_attempts: 3, initial_delay: 1s, max_delay: 30s}
        """
            + wire().modelsYaml(server));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private CommandHarness.Result run(String... extra) {
    List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--progress", "none"));
    args.addAll(List.of(extra));
    return vis.run(args.toArray(String[]::new));
  }

  private List<List<String>> rows(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vis.db"))) {
      ResultSet rs = c.createStatement().executeQuery(sql);
      List<List<String>> rows = new ArrayList<>();
      int width = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private int count(String sql) throws Exception {
    return Integer.parseInt(rows(sql).get(0).get(0));
  }

  @Test
  void stores_answers_with_citations_grounding_and_cost() throws Exception {
    Expected expected = wire().expected();

    CommandHarness.Result run = run();

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(6);
    assertThat(count("SELECT count(*) FROM mentions WHERE brand = 'Acme CRM'")).isEqualTo(6);
    Price price =
        PriceTable.builtIn()
            .find(expected.modelName(), expected.modelName())
            .orElseThrow(() -> new AssertionError("no built-in price for " + expected.modelName()));
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
          .isCloseTo(cost.doubleValue(), org.assertj.core.data.Offset.offset(1e-12));
      assertThat(new BigDecimal(answer.get(5))).isEqualByComparingTo(price.input());
      assertThat(new BigDecimal(answer.get(6))).isEqualByComparingTo(price.output());
    }
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
    CommandHarness.Result citations = vis.run("export", "--format", "csv", "--table", "citations");
    assertThat(citations.out().lines().count())
        .isEqualTo(1 + count("SELECT count(*) FROM citations"));
    CommandHarness.Result report = vis.run("report");
    assertThat(report.exitCode()).as(report.toString()).isZero();
    assertThat(report.out()).contains("Acme CRM");
  }

  @Test
  void a_rate_limit_is_retried_after_the_delay_the_server_asked_for() throws Exception {
    server.enqueue(wire().rateLimited(Duration.ofSeconds(7)));

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

  @Test
  void an_exhausted_quota_fails_fast_without_a_retry_storm() throws Exception {
    server.defaultReply(wire().quotaExhausted());

    CommandHarness.Result run = run("--max-failure-rate", "100");

    assertThat(count("SELECT count(*) FROM tasks WHERE status = 'failed'")).isEqualTo(6);
    assertThat(server.requestCount()).as("a spent quota is never retried").isLessThanOrEqualTo(6);
    assertThat(count("SELECT count(*) FROM attempts WHERE outcome = 'retryable'")).isZero();
    assertThat(vis.sleeps).isEmpty();
    assertThat(run.err()).containsIgnoringCase("quota");
  }

  @Test
  void a_server_error_is_retried() throws Exception {
    server.enqueue(wire().serverError(), wire().serverError());

    CommandHarness.Result run = run();

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(6);
    assertThat(count("SELECT count(*) FROM attempts WHERE outcome = 'retryable'")).isEqualTo(2);
    assertThat(server.requestCount()).isEqualTo(8);
  }

  @Test
  void an_authentication_error_is_final_and_the_key_is_never_stored() throws Exception {
    server.defaultReply(wire().authError());

    CommandHarness.Result run = run();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM tasks WHERE status = 'failed'")).isEqualTo(6);
    assertThat(count("SELECT count(*) FROM attempts WHERE outcome = 'retryable'")).isZero();
    assertThat(server.requestCount()).isLessThanOrEqualTo(6);
    assertThat(run.err()).contains("authentication");
    String database =
        new String(Files.readAllBytes(dir.resolve("vis.db")), StandardCharsets.ISO_8859_1);
    for (String secret : wire().env().values()) {
      assertThat(database).doesNotContain(secret);
      assertThat(run.err()).doesNotContain(secret);
    }
  }

  @Test
  void a_malformed_body_is_kept_and_the_task_fails_after_its_attempts() throws Exception {
    server.defaultReply(wire().malformed());

    CommandHarness.Result run = run("--max-failure-rate", "100");

    assertThat(count("SELECT count(*) FROM tasks WHERE status = 'failed'")).isEqualTo(6);
    assertThat(server.requestCount()).isEqualTo(18);
    assertThat(rows("SELECT DISTINCT raw_body FROM attempts"))
        .extracting(r -> r.get(0))
        .containsExactly(wire().malformed().body());
    assertThat(rows("SELECT DISTINCT error FROM tasks"))
        .singleElement()
        .satisfies(r -> assertThat(r.get(0)).contains("not valid JSON"));
    assertThat(run.exitCode()).as("within --max-failure-rate 100").isZero();
  }
}
