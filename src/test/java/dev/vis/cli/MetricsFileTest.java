package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vis.engine.AttemptEvent;
import dev.vis.store.AttemptOutcome;
import dev.vis.store.AttemptRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vis run --metrics-file FILE} and the latency lines of the run summary. */
class MetricsFileTest {
  @TempDir Path dir;
  CommandHarness vis;
  Path spec;

  @BeforeEach
  void setUp() throws Exception {
    spec = Files.writeString(dir.resolve("crm.yaml"), SimRunTest.SPEC);
    vis = new CommandHarness(dir);
  }

  @Test
  void writes_the_run_in_the_prometheus_text_format_a_strict_reader_accepts() throws Exception {
    Path metrics = dir.resolve("vis.prom");

    CommandHarness.Result run =
        vis.run("run", spec.toString(), "--metrics-file", metrics.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    Map<String, Double> samples = PrometheusText.parse(Files.readString(metrics));
    String labels = "run_id=\"" + run.runId() + "\",spec=\"crm\"";
    assertThat(samples)
        .containsEntry("vis_run_info{" + labels + ",status=\"done\"}", 1.0)
        .containsEntry("vis_run_tasks{" + labels + ",status=\"ok\"}", 24.0)
        .containsEntry("vis_run_tasks{" + labels + ",status=\"failed\"}", 0.0)
        .containsEntry(
            "vis_session_calls_total{" + labels + ",model=\"sim-a\",outcome=\"ok\"}", 12.0)
        .containsEntry(
            "vis_session_calls_total{" + labels + ",model=\"sim-b\",outcome=\"ok\"}", 12.0)
        .containsEntry(
            "vis_session_call_latency_seconds_count{" + labels + ",model=\"sim-a\"}", 12.0);
    double p50 =
        samples.get(
            "vis_session_call_latency_seconds{" + labels + ",model=\"sim-a\",quantile=\"0.5\"}");
    double p95 =
        samples.get(
            "vis_session_call_latency_seconds{" + labels + ",model=\"sim-a\",quantile=\"0.95\"}");
    assertThat(p50).isNotNegative().isLessThanOrEqualTo(p95);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void the_summary_shows_latency_percentiles_per_model() {
    CommandHarness.Result run = vis.run("run", spec.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err())
        .contains("latency of this session's answers:")
        .containsPattern(
            "(?m)^    sim-a: p50 \\d+\\.\\d\\d s, p95 \\d+\\.\\d\\d s \\(12 answers\\)$")
        .containsPattern("(?m)^    sim-b: p50 .* \\(12 answers\\)$");
  }

  @Test
  void a_metrics_file_in_a_missing_directory_exits_2_before_any_call() {
    Path metrics = dir.resolve("no/vis.prom");

    CommandHarness.Result run =
        vis.run("run", spec.toString(), "--metrics-file", metrics.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--metrics-file " + metrics + ": directory");
    assertThat(dir.resolve("vis.db")).doesNotExist();
  }

  @Test
  void percentiles_are_nearest_rank_over_the_answered_attempts_only() {
    CallStats stats = new CallStats();
    for (long ms = 1; ms <= 20; ms++) {
      stats.attemptEnded(event("m", AttemptOutcome.OK, ms * 100));
    }
    stats.attemptEnded(event("m", AttemptOutcome.RETRYABLE, 60_000));

    CallStats.ModelCalls m = stats.byModel().get("m");

    assertThat(m.percentileMs(0.5)).isEqualTo(1000);
    assertThat(m.percentileMs(0.95)).isEqualTo(1900);
    assertThat(m.outcomes()).isEqualTo(Map.of("ok", 20L, "retryable", 1L));
    assertThat(m.sumMs()).isEqualTo(21_000);
  }

  @Test
  void the_strict_reader_refuses_what_the_format_does_not_allow() {
    assertThatThrownBy(() -> PrometheusText.parse("a 1")).hasMessageContaining("line feed");
    assertThatThrownBy(() -> PrometheusText.parse("a 1\n")).hasMessageContaining("before its TYPE");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE a gauge\na{x=\"\\q\"} 1\n"))
        .hasMessageContaining("malformed labels");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE a gauge\na 1,5\n"))
        .hasMessageContaining("not a float");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE a gauge\na 1\na 2\n"))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE a gauge\n# TYPE b gauge\nb 1\na 1\n"))
        .hasMessageContaining("split in two");
  }

  @Test
  void label_values_escape_backslash_quote_and_line_feed() {
    assertThat(PrometheusMetrics.label("a\\b\"c\nd")).isEqualTo("a\\\\b\\\"c\\nd");
  }

  private static AttemptEvent event(String model, AttemptOutcome outcome, long latencyMs) {
    return new AttemptEvent(
        "run",
        1,
        "p",
        model,
        "sim",
        model,
        1,
        new AttemptRecord(
            1,
            Instant.EPOCH,
            latencyMs,
            OptionalInt.empty(),
            outcome,
            Optional.empty(),
            Optional.empty()),
        OptionalLong.empty(),
        OptionalLong.empty(),
        Optional.empty());
  }
}
