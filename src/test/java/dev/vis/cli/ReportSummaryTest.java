package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vis.analysis.RateMetric;
import dev.vis.report.JsonSchemaValidator;
import dev.vis.report.StrictCsv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What to conclude, first (SPEC §7), on sim runs of {@link ReportGateTest#spec}: Acme CRM is the
 * primary brand, Globex is named in 40% of answers.
 */
class ReportSummaryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  CommandHarness vis;
  GateRuns runs;

  @BeforeEach
  void setUp(@TempDir Path dir) {
    vis = new CommandHarness(dir);
    runs = new GateRuns(vis, dir);
  }

  /** The markdown's first 15 lines that are neither table rows nor inside code fences. */
  static List<String> opening(String markdown) {
    List<String> lines = new ArrayList<>();
    boolean fenced = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced || line.startsWith("|")) {
        continue;
      }
      lines.add(line);
      if (lines.size() == 15) {
        break;
      }
    }
    return lines;
  }

  @Test
  void the_markdown_names_the_primary_brand_its_rate_and_its_rank_within_15_lines()
      throws Exception {
    String run = runs.run(0.05, "trailing");

    CommandHarness.Result report = vis.run("report", run);

    assertThat(report.exitCode()).as(report.toString()).isZero();
    String opening = String.join("\n", opening(report.out()));
    assertThat(opening).contains("Acme CRM").containsPattern("\\d+(\\.\\d)?%").contains("2nd of 2");
    assertThat(opening)
        .as("Globex's interval overlaps none of Acme CRM's at 5% against 40%")
        .contains("No tracked brand is statistically tied with it");
  }

  /** The CSV report's rows of scope {@code scope}, each as column name to value. */
  static List<Map<String, String>> csvRows(String csv, String scope) {
    List<List<String>> records = StrictCsv.read(csv);
    List<String> header = records.getFirst();
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> record : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), record.get(i));
      }
      if (row.get("scope").equals(scope)) {
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void the_csv_opens_with_the_primary_brands_rate_rank_and_ties_before_any_figure()
      throws Exception {
    String run = runs.run(0.05, "trailing");

    CommandHarness.Result csv = vis.run("report", run, "--format", "csv");
    JsonNode standing =
        JSON.readTree(vis.run("report", run, "--format", "json").out()).at("/summary/standings/0");

    assertThat(csv.exitCode()).as(csv.toString()).isZero();
    List<List<String>> records = StrictCsv.read(csv.out());
    assertThat(records.get(1).get(2)).as("the first row after the header").isEqualTo("summary");
    List<Map<String, String>> summary = csvRows(csv.out(), "summary");
    assertThat(summary)
        .extracting(r -> r.get("brand") + " " + r.get("scope_value") + " " + r.get("metric"))
        .containsExactly(
            "Acme CRM primary mention_rate",
            "Acme CRM primary rank",
            "Acme CRM primary tracked_brands");
    assertThat(summary.get(0).get("value")).isEqualTo(standing.at("/mention_rate/value").asText());
    assertThat(summary.get(0).get("ci_low"))
        .isEqualTo(standing.at("/mention_rate/ci_low").asText());
    assertThat(summary.get(0).get("ci_high"))
        .isEqualTo(standing.at("/mention_rate/ci_high").asText());
    assertThat(summary.get(1).get("value")).isEqualTo("2");
    assertThat(summary.get(2).get("value")).isEqualTo("2");
    List<Map<String, String>> definitions = csvRows(csv.out(), "definition");
    assertThat(definitions)
        .filteredOn(r -> r.get("metric").equals("share_of_voice"))
        .extracting(r -> r.get("scope_value"))
        .containsExactly("label", "numerator", "denominator", "interval");
    assertThat(records.getLast().get(2))
        .as("the definitions close the report")
        .isEqualTo("definition");
  }

  @Test
  void a_report_with_a_baseline_and_no_drop_states_the_smallest_detectable_drop() throws Exception {
    // seed 12 names Acme CRM in 53 answers of 100, seed 11 in 70: a rise, no drop
    String a = runs.rerun(0.6, "a");
    String b = runs.run(0.6, "b");

    CommandHarness.Result md = runs.gate(b, a, "--format", "md");
    CommandHarness.Result json = runs.gate(b, a, "--format", "json");

    assertThat(md.exitCode()).as(md.toString()).isZero();
    assertThat(String.join("\n", opening(md.out())))
        .containsPattern(
            Pattern.compile(
                "no real drop; the smallest drop this run could have caught is \\d+\\.\\d pp"
                    + " \\(80% power at alpha 0.05\\)"));
    JsonNode change = JSON.readTree(json.out()).get("summary").get("changes").get(0);
    assertThat(change.get("brand").asText()).isEqualTo("Acme CRM");
    assertThat(change.get("verdict").asText()).isEqualTo("ok");
    assertThat(change.get("detectable_drop").asDouble())
        .as("10 prompts x 10 samples catch no drop of 5 points or less")
        .isBetween(0.05, 0.5);
    assertThat(change.get("detectable_drop_power").asDouble()).isEqualTo(0.8);
    assertThat(md.out())
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "could have caught is %.1f pp",
                change.get("detectable_drop").asDouble() * 100));
    assertThat(validator().errors(JSON.readTree(json.out()))).isEmpty();
    List<Map<String, String>> csv = csvRows(runs.gate(b, a, "--format", "csv").out(), "summary");
    Map<String, String> drop =
        csv.stream()
            .filter(r -> r.get("metric").equals("detectable_drop"))
            .findFirst()
            .orElseThrow();
    assertThat(drop.get("brand")).isEqualTo("Acme CRM");
    assertThat(drop.get("scope_value")).as("the baseline run").isEqualTo(a);
    assertThat(Double.parseDouble(drop.get("value")))
        .isEqualTo(change.get("detectable_drop").asDouble());
    assertThat(csv)
        .filteredOn(r -> r.get("metric").equals("verdict") && r.get("brand").equals("Acme CRM"))
        .extracting(r -> r.get("value"))
        .containsExactly("ok");
    CommandHarness.Result html = runs.gate(b, a, "--format", "html");
    assertThat(org.jsoup.Jsoup.parse(html.out()).getElementById("summary").text())
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "the smallest drop this run could have caught is %.1f pp (80%% power at alpha 0.05)",
                change.get("detectable_drop").asDouble() * 100));
  }

  @Test
  void two_runs_with_the_same_answers_state_no_detectable_drop_rather_than_a_false_one()
      throws Exception {
    String a = runs.run(0.6, "a");
    String b = runs.run(0.6, "b");

    CommandHarness.Result json = runs.gate(b, a, "--format", "json");

    JsonNode change = JSON.readTree(json.out()).get("summary").get("changes").get(0);
    assertThat(change.get("verdict").asText()).isEqualTo("ok");
    assertThat(change.get("delta").asDouble()).isZero();
    assertThat(change.get("detectable_drop").isNull())
        .as("the bootstrap sees no noise between identical answers; the answers have some")
        .isTrue();
  }

  @Test
  void a_report_whose_gate_trips_states_no_detectable_drop() throws Exception {
    String a = runs.run(0.6, "a");
    String b = runs.run(0.3, "b");

    CommandHarness.Result json = runs.gate(b, a, "--format", "json");

    assertThat(json.exitCode()).as(json.toString()).isEqualTo(3);
    JsonNode change = JSON.readTree(json.out()).get("summary").get("changes").get(0);
    assertThat(change.get("verdict").asText()).isEqualTo("drop");
    assertThat(change.get("detectable_drop").isNull()).isTrue();
  }

  @Test
  void the_json_opens_with_the_summary_and_defines_every_rate() throws Exception {
    String run = runs.run(0.05, "trailing");

    CommandHarness.Result report = vis.run("report", run, "--format", "json");

    JsonNode root = JSON.readTree(report.out());
    assertThat(root.get("primary_brand").asText()).isEqualTo("Acme CRM");
    assertThat(root.get("confidence_level").asDouble()).isEqualTo(0.95);
    JsonNode standing = root.get("summary").get("standings").get(0);
    assertThat(standing.get("brand").asText()).isEqualTo("Acme CRM");
    assertThat(standing.get("rank").asInt()).isEqualTo(2);
    assertThat(standing.get("tracked_brands").asInt()).isEqualTo(2);
    assertThat(standing.get("mention_rate").get("value").asDouble())
        .isEqualTo(
            root.get("headline")
                .get("overall")
                .get(0)
                .get("brands")
                .get(0)
                .get("mention_rate")
                .get("value")
                .asDouble());
    List<String> defined = new ArrayList<>();
    root.get("definitions").forEach(d -> defined.add(d.get("metric").asText()));
    assertThat(defined)
        .containsAll(Arrays.stream(RateMetric.values()).map(RateMetric::key).toList());
    root.get("definitions")
        .forEach(
            d ->
                assertThat(List.of(d.get("numerator").asText(), d.get("denominator").asText()))
                    .allMatch(text -> !text.isBlank()));
    assertThat(validator().errors(root)).isEmpty();
  }

  private static JsonSchemaValidator validator() throws Exception {
    return new JsonSchemaValidator(JSON.readTree(Path.of("docs", "report.schema.json").toFile()));
  }
}
