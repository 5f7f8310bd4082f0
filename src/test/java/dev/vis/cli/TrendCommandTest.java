package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vis.report.StrictCsv;
import dev.vis.report.html.HtmlPageChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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

  static void assertStep(JsonNode step, String from, String to) {
    assertThat(step.get("from_run").asText()).isEqualTo(from);
    assertThat(step.get("to_run").asText()).isEqualTo(to);
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
    assertStep(change, ids.get(1), ids.get(2));
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
    assertThat(doc.select("svg polyline").eachAttr("stroke"))
        .as("no brand's line takes the orange of a real change")
        .doesNotContain("#D55E00", "#E69F00");
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

  /** Sets the model name the provider reported for every answer of {@code run}. */
  void serve(String run, String servedModel) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vis.db"));
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE answers SET served_model = ? WHERE id IN"
                    + " (SELECT answer_id FROM tasks WHERE run_id = ?)")) {
      update.setString(1, servedModel);
      update.setString(2, run);
      assertThat(update.executeUpdate()).isPositive();
    }
  }

  @Test
  void marks_where_the_served_model_changed_in_every_format() throws Exception {
    List<String> ids = runs(0.6, 0.6, 0.6);
    serve(ids.get(0), "gpt-4o-2024-08-06");
    serve(ids.get(1), "gpt-4o-2024-08-06");
    serve(ids.get(2), "gpt-4o-<b>2024-11-20</b>");

    JsonNode trend = trend();

    JsonNode markers = trend.get("markers");
    assertThat(markers).hasSize(1);
    JsonNode marker = markers.get(0);
    assertThat(marker.get("kind").asText()).isEqualTo("served model");
    assertStep(marker, ids.get(1), ids.get(2));
    assertThat(marker.get("detail").asText())
        .contains("sim was served by gpt-4o-2024-08-06, now by gpt-4o-<b>2024-11-20</b>");
    JsonNode served = trend.get("runs").get(2).get("served_models");
    assertThat(served).hasSize(1);
    assertThat(served.get(0).get("model_id").asText()).isEqualTo("sim");
    assertThat(served.get(0).get("served_model").asText()).isEqualTo("gpt-4o-<b>2024-11-20</b>");
    assertThat(served.get(0).get("answers").asLong()).isEqualTo(100);

    CommandHarness.Result md = vis.run("trend", "gate");
    assertThat(md.out())
        .contains("1 marker: the served model changed", "## Markers")
        .contains(ids.get(1) + " → " + ids.get(2) + ": served model changed: sim was served by");

    List<List<String>> csv = StrictCsv.read(vis.run("trend", "gate", "--format", "csv").out());
    List<String> header = csv.getFirst();
    List<List<String>> markerRows =
        csv.stream().filter(r -> r.get(header.indexOf("metric")).equals("marker")).toList();
    assertThat(markerRows).hasSize(1);
    List<String> row = markerRows.getFirst();
    assertThat(row.get(header.indexOf("run_id"))).isEqualTo(ids.get(2));
    assertThat(row.get(header.indexOf("from_run"))).isEqualTo(ids.get(1));
    assertThat(row.get(header.indexOf("value"))).isEqualTo("served model");
    assertThat(row.get(header.indexOf("detail"))).contains("now by gpt-4o-<b>2024-11-20</b>");

    Path out = dir.resolve("t.html");
    assertThat(vis.run("trend", "gate", "--format", "html", "--out", out.toString()).exitCode())
        .isZero();
    Document doc = HtmlPageChecks.selfContained(Files.readString(out));
    assertThat(doc.select("svg line.marker")).as("one rule per brand's chart").hasSize(2);
    assertThat(doc.select("svg line.marker title").first().text())
        .contains("now by gpt-4o-<b>2024-11-20</b>");
    assertThat(doc.select("#markers li").text()).contains("served model changed");
    assertThat(doc.select("#markers b")).as("the served model's text is escaped").isEmpty();
  }

  @Test
  void does_not_mark_a_served_model_that_one_run_did_not_report() throws Exception {
    List<String> ids = runs(0.6, 0.6);
    serve(ids.get(0), null);
    serve(ids.get(1), "gpt-4o-2024-11-20");

    assertThat(trend().get("markers")).isEmpty();
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
