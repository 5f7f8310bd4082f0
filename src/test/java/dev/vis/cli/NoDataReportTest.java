package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vis.analysis.RateMetric;
import dev.vis.provider.FakeHttpServer;
import dev.vis.provider.FakeOpenAiServer;
import dev.vis.report.JsonSchemaValidator;
import dev.vis.spec.SpecYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run where one model answers (sim) and the other fails every call (401 or 500): the dead model's
 * figures read "no data" in every format, never 0%, and the summary and the run facts name it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoDataReportTest {
  static final String DEAD = "dead-llama";

  CommandHarness vis;
  FakeHttpServer server;
  String runId;
  String runErr;

  @BeforeAll
  void runOneLiveAndOneDeadModel(@TempDir Path dir) throws Exception {
    vis = new CommandHarness(dir);
    server =
        FakeHttpServer.start(
            request ->
                FakeOpenAiServer.prompt(request).contains("cheapest")
                    ? FakeOpenAiServer.serverError()
                    : FakeOpenAiServer.invalidApiKey());
    Path spec =
        Files.writeString(
            dir.resolve("nodata.yaml"),
            SpecYaml.crm("nodata", 2)
                + """
        models:
          - id: sim
            provider: sim
            sim: {seed: 3, mention_rate: {Acme CRM: 0.5, Globex: 0.5}}
          - id: %s
            provider: openai-compatible
            base_url: %s
            model: llama3.1
        samples: 3
        retry: {max_attempts: 2, initial_delay: 1s, max_delay: 5s}
        """
                    .formatted(DEAD, server.url("/v1")));
    CommandHarness.Result run =
        vis.run("run", spec.toString(), "--progress", "none", "--max-failure-rate", "100");
    assertThat(server.requestCount()).as(run.toString()).isPositive();
    runId = run.runId();
    runErr = run.err();
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  @Test
  void the_run_summary_names_the_model_without_answers() {
    assertThat(runErr)
        .contains("6 of 12 tasks answered, 6 failed")
        .contains(
            "  no answers from "
                + DEAD
                + ": every task failed or is pending; reports show no data for it");
  }

  @Test
  void markdown_shows_a_dash_for_every_rate_of_the_dead_model_and_names_it() {
    CommandHarness.Result md = vis.run("report", runId);

    assertThat(md.exitCode()).as(md.toString()).isZero();
    assertThat(md.out())
        .containsPattern("\\| " + DEAD + " † \\| 0 \\| — \\| — \\|\\n")
        .contains("- **No answers from:** " + DEAD + " (every task failed or is pending)")
        .doesNotContain("0/0");
    assertThat(md.out().lines().filter(line -> line.startsWith("| " + DEAD)))
        .singleElement()
        .asString()
        .doesNotContain("%");
  }

  @Test
  void csv_leaves_every_value_of_the_dead_model_empty() {
    CommandHarness.Result csv = vis.run("report", runId, "--format", "csv");

    List<String[]> dead =
        csv.out()
            .lines()
            .map(line -> line.split(",", -1))
            .filter(row -> row.length > 3 && row[3].equals(DEAD))
            .toList();
    assertThat(dead).as(csv.toString()).hasSize(2 * (RateMetric.values().length + 3));
    for (String[] row : dead) {
      assertThat(List.of(row[5], row[6], row[7])).as(String.join(",", row)).containsOnly("");
    }
  }

  @Test
  void json_writes_null_for_every_figure_of_the_dead_model_and_names_it() throws Exception {
    CommandHarness.Result json = vis.run("report", runId, "--format", "json");

    JsonNode root = new ObjectMapper().readTree(json.out());
    assertThat(root.get("run").get("models_without_answers"))
        .extracting(JsonNode::asText)
        .containsExactly(DEAD);
    JsonNode dead = root.get("headline").get("by_model").get(1);
    assertThat(dead.get("value").asText()).isEqualTo(DEAD);
    for (JsonNode brand : dead.get("brands")) {
      assertThat(brand.get("mention_rate").get("value").isNull()).as(brand.toString()).isTrue();
      assertThat(brand.get("mention_rate").get("ci_high").isNull()).isTrue();
      assertThat(brand.get("mention_count").isNull()).isTrue();
    }
    JsonNode live = root.get("headline").get("by_model").get(0);
    assertThat(live.get("brands").get(0).get("mention_rate").get("value").isNumber()).isTrue();
    JsonSchemaValidator schema =
        new JsonSchemaValidator(
            new ObjectMapper().readTree(Path.of("docs/report.schema.json").toFile()));
    assertThat(schema.errors(root)).isEmpty();
  }
}
