package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vis.report.JsonSchemaValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two sim runs with planted truths, compared and gated by {@code vis report --baseline}. */
class ReportGateTest {
  // 10 non-branded prompts x 10 samples: a 20-point drop is far beyond the noise, and the
  // same seed and rates give the same answers, so "no change" is exactly no change.
  static String spec(double acmeRate) {
    return """
        version: 1
        name: gate
        brands:
          - name: Acme CRM
            aliases: [Acme]
            primary: true
          - name: Globex
        prompts:
          - id: crm-for-{segment}
            text: Which CRM would you recommend for a {segment} company?
            vars: {segment: [startup, agency, bakery, clinic, lawfirm, school, shop, studio, hotel, garage]}
        models:
          - id: sim
            provider: sim
            sim: {seed: 11, mention_rate: {Acme CRM: %s, Globex: 0.4}}
        samples: 10
        """
        .formatted(acmeRate);
  }

  @TempDir Path dir;
  CommandHarness vis;

  @BeforeEach
  void setUp() {
    vis = new CommandHarness(dir);
  }

  String run(double acmeRate, String name) throws Exception {
    return new GateRuns(vis, dir).run(acmeRate, name);
  }

  @Nested
  class The_gate {
    @Test
    void passes_when_both_runs_have_the_same_planted_truth() throws Exception {
      String a = run(0.6, "a");
      String b = run(0.6, "b");
      CommandHarness.Result report = vis.run("report", b, "--baseline", a, "--fail-on-drop", "5");
      assertThat(report.exitCode()).as(report.toString()).isZero();
      assertThat(report.out()).contains("## Comparison with the baseline", "**Verdict: passed**");
    }

    @Test
    void refuses_a_baseline_run_that_is_not_done_with_exit_2() throws Exception {
      Path file = dir.resolve("capped.yaml");
      Files.writeString(file, spec(0.6) + "pricing:\n  sim: {input: 1000, output: 1000}\n");
      CommandHarness.Result capped = vis.run("run", file.toString(), "--quiet", "--max-usd", "0.5");
      assertThat(capped.exitCode()).as(capped.toString()).isEqualTo(4);
      String b = run(0.6, "b");

      CommandHarness.Result report =
          vis.run("report", b, "--baseline", capped.runId(), "--fail-on-drop", "5");

      assertThat(report.exitCode()).as(report.toString()).isEqualTo(2);
      assertThat(report.err()).contains(capped.runId(), "budget").doesNotContain("Exception");
    }

    @Test
    void warns_when_the_runs_counted_brands_under_different_rules() throws Exception {
      String a = run(0.6, "a");
      Path file = dir.resolve("b.yaml");
      Files.writeString(file, spec(0.6).replace("aliases: [Acme]", "aliases: [Acme, AcmeCRM]"));
      CommandHarness.Result b = vis.run("run", file.toString(), "--quiet");

      CommandHarness.Result report = vis.run("report", b.runId(), "--baseline", a);

      assertThat(report.exitCode()).as(report.toString()).isZero();
      assertThat(report.err()).contains("counted brands under different rules", "vis replay " + a);
    }

    @Test
    void trips_with_exit_3_when_the_gated_brand_drops_20_points() throws Exception {
      String a = run(0.6, "a");
      String b = run(0.4, "b");
      CommandHarness.Result report = vis.run("report", b, "--baseline", a, "--fail-on-drop", "5");
      assertThat(report.exitCode()).as(report.toString()).isEqualTo(3);
      assertThat(report.out()).contains("**Verdict: the gate tripped**", "| Acme CRM ★ |");
      assertThat(report.err()).contains("regression gate tripped: Acme CRM −");
      // a p-value below 0.001 once read "p = < 0.001"
      assertThat(report.err()).containsPattern("\\((p < 0\\.001|p = 0\\.\\d{3})\\)");
      assertThat(report.err()).doesNotContain("p = <");
    }

    @Test
    void compares_without_gating_when_no_threshold_is_given() throws Exception {
      String a = run(0.6, "a");
      String b = run(0.4, "b");
      CommandHarness.Result report = vis.run("report", b, "--baseline", a);
      assertThat(report.exitCode()).as(report.toString()).isZero();
      assertThat(report.out()).contains("_Compared only: add --fail-on-drop PP to gate on it._");
    }

    @Test
    void a_json_report_as_baseline_gives_the_same_comparison_as_its_run() throws Exception {
      String a = run(0.6, "a");
      String b = run(0.4, "b");
      Path json = dir.resolve("a.json");
      assertThat(vis.run("report", a, "--format", "json", "--out", json.toString()).exitCode())
          .isZero();
      CommandHarness.Result fromRun =
          vis.run("report", b, "--baseline", a, "--fail-on-drop", "5", "--format", "json");
      CommandHarness.Result fromFile =
          vis.run(
              "report",
              b,
              "--baseline",
              json.toString(),
              "--fail-on-drop",
              "5",
              "--format",
              "json");
      assertThat(fromFile.exitCode()).as(fromFile.toString()).isEqualTo(3);
      JsonSchemaValidator schema =
          new JsonSchemaValidator(
              new ObjectMapper().readTree(Path.of("docs/report.schema.json").toFile()));
      assertThat(schema.errors(new ObjectMapper().readTree(fromRun.out()))).isEmpty();
      assertThat(schema.errors(new ObjectMapper().readTree(json.toFile()))).isEmpty();
      assertThat(comparison(fromFile.out()).replace(json.toString(), a))
          .isEqualTo(comparison(fromRun.out()));
    }

    private static String comparison(String json) {
      return json.substring(json.indexOf("\"comparison\""));
    }
  }

  @Nested
  class Refusals {
    @Test
    void an_unknown_gated_brand_exits_2_listing_the_brands() throws Exception {
      String a = run(0.6, "a");
      CommandHarness.Result r =
          vis.run("report", a, "--baseline", a, "--gate-brand", "Initech", "--fail-on-drop", "5");
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
      assertThat(r.err()).contains("unknown brand 'Initech' (brands: Acme CRM, Globex)");
    }

    @Test
    void a_missing_baseline_file_exits_2() throws Exception {
      String a = run(0.6, "a");
      vis.run("report", a, "--baseline", dir.resolve("nope.json").toString())
          .assertExit(2, "nope.json: no such file");
    }

    @Test
    void a_json_file_that_is_not_a_vis_report_exits_2() throws Exception {
      String a = run(0.6, "a");
      Path other = Files.writeString(dir.resolve("other.json"), "{\"hello\": 1}");
      vis.run("report", a, "--baseline", other.toString()).assertExit(2, "not a vis JSON report");
      Files.writeString(other, "not json");
      vis.run("report", a, "--baseline", other.toString()).assertExit(2, "not JSON");
    }

    @Test
    void a_report_of_another_schema_version_exits_2() throws Exception {
      String a = run(0.6, "a");
      Path old =
          Files.writeString(
              dir.resolve("old.json"), "{\"schema\": \"vis.report/1\", \"overall\": {}}");
      vis.run("report", a, "--baseline", old.toString())
          .assertExit(
              2,
              "report schema vis.report/1, but this vis reads vis.report/2, vis.report/3 and vis.report/4");
    }

    @Test
    void fail_on_drop_without_a_baseline_exits_2() throws Exception {
      String a = run(0.6, "a");
      vis.run("report", a, "--fail-on-drop", "5").assertExit(2, "--fail-on-drop needs --baseline");
    }
  }
}
