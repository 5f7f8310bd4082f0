package dev.vis.cli;

import dev.vis.engine.RunOutcome;
import dev.vis.store.RunSummary;
import java.util.Map;

/**
 * A finished {@code vis run} session in the Prometheus text exposition format (version 0.0.4), for
 * node_exporter's textfile collector or a Pushgateway: the run's status and counts, and per model
 * the call attempts and the latency of the answered ones.
 */
final class PrometheusMetrics {
  private static final double[] QUANTILES = {0.5, 0.95};

  private final StringBuilder out = new StringBuilder();

  private PrometheusMetrics() {}

  /** The text of one session of {@code run}. */
  static String of(RunSummary run, RunOutcome outcome, Map<String, CallStats.ModelCalls> calls) {
    PrometheusMetrics m = new PrometheusMetrics();
    String runLabels = "run_id=\"" + label(run.id()) + "\",spec=\"" + label(run.name()) + "\"";
    m.family("vis_run_info", "gauge", "The run this file describes, with its status.");
    m.sample("vis_run_info", runLabels + ",status=\"" + label(run.status().label()) + "\"", 1);
    m.family("vis_run_tasks", "gauge", "Tasks of the run by status, over all its sessions.");
    m.sample("vis_run_tasks", runLabels + ",status=\"ok\"", run.ok());
    m.sample("vis_run_tasks", runLabels + ",status=\"failed\"", run.failed());
    m.sample("vis_run_tasks", runLabels + ",status=\"pending\"", run.pending());
    m.family("vis_run_cost_usd", "gauge", "Priced cost of the run's answers, in US dollars.");
    m.sample("vis_run_cost_usd", runLabels, run.costUsd().doubleValue());
    m.family("vis_session_duration_seconds", "gauge", "Wall time of this session.");
    m.sample("vis_session_duration_seconds", runLabels, outcome.elapsed().toMillis() / 1000.0);
    m.family(
        "vis_session_calls_total",
        "counter",
        "Call attempts of this session by model and outcome.");
    calls.forEach(
        (model, c) ->
            c.outcomes()
                .forEach(
                    (o, n) ->
                        m.sample(
                            "vis_session_calls_total",
                            runLabels
                                + ",model=\""
                                + label(model)
                                + "\",outcome=\""
                                + label(o)
                                + "\"",
                            n)));
    m.family(
        "vis_session_call_latency_seconds",
        "summary",
        "Latency of this session's answered calls by model (nearest-rank quantiles).");
    calls.forEach(
        (model, c) -> {
          String labels = runLabels + ",model=\"" + label(model) + "\"";
          if (!c.answeredMs().isEmpty()) {
            for (double q : QUANTILES) {
              m.sample(
                  "vis_session_call_latency_seconds",
                  labels + ",quantile=\"" + q + "\"",
                  c.percentileMs(q) / 1000.0);
            }
          }
          m.sample("vis_session_call_latency_seconds_sum", labels, c.sumMs() / 1000.0);
          m.sample("vis_session_call_latency_seconds_count", labels, c.answeredMs().size());
        });
    return m.out.toString();
  }

  private void family(String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private void sample(String name, String labels, double value) {
    out.append(name).append('{').append(labels).append("} ");
    // Java's Double.toString is a float Go's ParseFloat (the format's reference) reads back exactly
    out.append(
            value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value))
        .append('\n');
  }

  /** A label value: backslash, double quote and line feed escaped as the format requires. */
  static String label(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
