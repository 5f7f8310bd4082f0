package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vis.report.html.HtmlPageChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vis trend NAME} over sim runs of the gate's spec, with a planted Acme CRM rate. */
class TrendCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  CommandHarness vis;

  @BeforeEach
  void setUp() {
    vis = new CommandHarness(dir);
  }

  List<String> runs(double... rates) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < rates.length; i++) {
      ids.add(new GateRuns(vis, dir).run(rates[i], "run" + i));
    }
    return ids;
  }

  JsonNode trend(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("trend", "gate", "--format", "json"));
    args.addAll(List.of(extra));
    CommandHarness.Result result = vis.run(args.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return JSON.readTree(result.out());
  }

  @Test
  void flags_exactly_the_last_step_when_the_planted_rate_goes_60_60_25() throws Exception {
    List<String> ids = runs(0.6, 0.6, 0.25);

    JsonNode trend = trend();

    assertThat(trend.get("schema").asText()).isEqualTo("vis.trend/1");
    assertThat(trend.get("runs").findValuesAsText("id")).containsExactlyElementsOf(ids);
    JsonNode changes = trend.get("changes");
    assertThat(changes).hasSize(1);
    JsonNode change = changes.get(0);
    assertThat(change.get("brand").asText()).isEqualTo("Acme CRM");
    assertThat(change.get("from_run").asText()).isEqualTo(ids.get(1));
    assertThat(change.get("to_run").asText()).isEqualTo(ids.get(2));
    assertThat(change.get("delta_pp").asDouble()).isLessThan(-20);
    assertThat(change.get("p_value").asDouble()).isLessThan(0.05);
  }

  @Test
  void gives_each_run_the_mention_rate_that_vis_report_heads_with() throws Exception {
    List<String> ids = runs(0.6, 0.3);

    JsonNode trend = trend();

    JsonNode acme = trend.get("brands").get(0);
    assertThat(acme.get("brand").asText()).isEqualTo("Acme CRM");
    for (int i = 0; i < ids.size(); i++) {
      CommandHarness.Result report = vis.run("report", ids.get(i), "--format", "json");
      JsonNode figures =
          JSON.readTree(report.out()).at("/headline/overall/0/brands/0/mention_rate");
      JsonNode point = acme.get("points").get(i);
      assertThat(point.get("run_id").asText()).isEqualTo(ids.get(i));
      assertThat(point.get("mention_rate").asDouble())
          .as(figures.toString())
          .isEqualTo(figures.get("value").asDouble());
      assertThat(point.get("ci_low").asDouble()).isEqualTo(figures.get("ci_low").asDouble());
      assertThat(point.get("ci_high").asDouble()).isEqualTo(figures.get("ci_high").asDouble());
      assertThat(point.get("n").asLong()).isEqualTo(100);
    }
  }

  @Test
  void keeps_the_newest_runs_with_last() throws Exception {
    List<String> ids = runs(0.6, 0.5, 0.4);

    JsonNode trend = trend("--last", "2");

    assertThat(trend.get("runs").findValuesAsText("id")).containsExactly(ids.get(1), ids.get(2));
    assertThat(trend.get("brands").get(1).get("points")).hasSize(2);
  }

  @Test
  void names_every_brand_in_markdown_csv_and_html() throws Exception {
    runs(0.6, 0.25);
    for (String format : List.of("md", "csv", "html")) {
      CommandHarness.Result result = vis.run("trend", "gate", "--format", format);
      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.out()).as(format).contains("Acme CRM", "Globex");
    }
    Path out = dir.resolve("t.html");
    assertThat(vis.run("trend", "gate", "--format", "html", "--out", out.toString()).exitCode())
        .isZero();
    Document doc = HtmlPageChecks.selfContained(Files.readString(out));
    assertThat(doc.select("svg polyline")).hasSize(2);
    assertThat(doc.select("svg polygon.band")).hasSize(2);
    assertThat(doc.select("svg line.change")).hasSize(1);
    assertThat(doc.select("#definitions").text()).contains("Mention rate", "Share of voice");
  }

  @Test
  void marks_where_the_brand_rules_changed() throws Exception {
    runs(0.6);
    Path file = dir.resolve("renamed.yaml");
    Files.writeString(
        file, ReportGateTest.spec(0.6).replace("aliases: [Acme]", "aliases: [Acme, AcmeCRM]"));
    assertThat(vis.run("run", file.toString(), "--quiet").exitCode()).isZero();

    JsonNode markers = trend().get("markers");

    assertThat(markers).hasSize(1);
    assertThat(markers.get(0).get("kind").asText()).isEqualTo("brand rules");
    assertThat(markers.get(0).get("detail").asText()).contains("vis replay");
  }

  @Nested
  class Refuses {
    @Test
    void a_name_no_run_has_naming_the_names_there_are() throws Exception {
      runs(0.6);

      CommandHarness.Result result = vis.run("trend", "nightly");

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.out()).isEmpty();
      assertThat(result.err())
          .contains("no run of a spec named 'nightly'", "spec names: gate")
          .doesNotContain("Exception");
    }

    @Test
    void a_name_whose_runs_are_none_done() throws Exception {
      runs(0.6);
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vis.db"))) {
        c.createStatement().execute("UPDATE runs SET status = 'failed'");
      }

      CommandHarness.Result result = vis.run("trend", "gate");

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).contains("no done run of 'gate'", "--resume");
    }

    @Test
    void a_last_below_one() throws Exception {
      runs(0.6);

      CommandHarness.Result result = vis.run("trend", "gate", "--last", "0");

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).contains("--last 0");
    }
  }
}
