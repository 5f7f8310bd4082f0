package dev.vis.cli;

import dev.vis.engine.FailureGroup;
import dev.vis.engine.RunOutcome;
import dev.vis.store.RunStatus;
import dev.vis.store.RunSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The few lines on stderr that end a run: counts, cost, failures by cause, what to do next. */
final class RunSummaryPrinter {
  private static final int MAX_EXAMPLE = 200;

  private final PrintWriter err;

  RunSummaryPrinter(PrintWriter err) {
    this.err = err;
  }

  /**
   * @param modelsWithoutAnswers the run's models that produced no answer, named so that nobody
   *     reads their empty figures as zero
   */
  void print(RunOutcome outcome, RunSummary run, Path specFile, List<String> modelsWithoutAnswers) {
    err.println(
        String.format(
            Locale.ROOT,
            "%s %s: %s. %d of %d tasks answered, %d failed, %d pending; this session: %d calls,"
                + " %d retries, %.1f s, $%s",
            TerminalText.escape(run.name()),
            run.id(),
            run.status().label(),
            run.ok(),
            run.tasks(),
            run.failed(),
            run.pending(),
            outcome.calls(),
            outcome.retries(),
            outcome.elapsed().toMillis() / 1000.0,
            outcome.costUsd().setScale(4, java.math.RoundingMode.HALF_UP).toPlainString()));
    if (!modelsWithoutAnswers.isEmpty()) {
      err.println(
          "  no answers from "
              + String.join(", ", modelsWithoutAnswers)
              + ": every task failed or is pending; reports show no data for "
              + (modelsWithoutAnswers.size() == 1 ? "it" : "them"));
    }
    if (run.unpriced() > 0) {
      err.println("  " + run.unpriced() + " answers have no price: cost totals leave them out");
    }
    if (!outcome.failureReasons().isEmpty()) {
      err.println("  failed tasks by cause:");
      outcome.failureReasons().entrySet().stream()
          .sorted(
              Comparator.comparingLong((Map.Entry<String, FailureGroup> e) -> e.getValue().count())
                  .reversed()
                  .thenComparing(Map.Entry::getKey))
          .forEach(
              e ->
                  err.println(
                      "    "
                          + e.getValue().count()
                          + "  "
                          + TerminalText.escape(e.getKey())
                          + ", e.g. "
                          + shortened(e.getValue().example())));
    }
    outcome
        .budgetStop()
        .ifPresent(
            b -> {
              err.println(
                  "  budget: spent $"
                      + usd(b.spentUsd())
                      + " of the $"
                      + b.capUsd().toPlainString()
                      + " cap; "
                      + b.pendingTasks()
                      + " tasks not called (estimated at up to $"
                      + usd(b.pendingEstimateUsd())
                      + ") stay pending");
              err.println(
                  "  resume with a higher cap: "
                      + resumeCommand(specFile, run.id())
                      + " --max-usd "
                      + b.suggestedCapUsd().toPlainString());
            });
    if (run.status() == RunStatus.DONE) {
      err.println("  report: vis report " + run.id());
    }
    if (run.failed() + run.pending() > 0 && outcome.budgetStop().isEmpty()) {
      err.println("  resume: " + resumeCommand(specFile, run.id()));
    }
    err.flush();
  }

  /** One line per model: the median and 95th percentile latency of this session's answers. */
  void printLatency(Map<String, CallStats.ModelCalls> calls) {
    boolean header = false;
    for (Map.Entry<String, CallStats.ModelCalls> e : calls.entrySet()) {
      CallStats.ModelCalls c = e.getValue();
      if (c.answeredMs().isEmpty()) {
        continue;
      }
      if (!header) {
        err.println("  latency of this session's answers:");
        header = true;
      }
      err.println(
          String.format(
              Locale.ROOT,
              "    %s: p50 %.2f s, p95 %.2f s (%d answers)",
              e.getKey(),
              c.percentileMs(0.5) / 1000.0,
              c.percentileMs(0.95) / 1000.0,
              c.answeredMs().size()));
    }
    err.flush();
  }

  private static String usd(java.math.BigDecimal amount) {
    return amount.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  /** The command that finishes a run, as the terminal shows it. */
  static String resumeCommand(Path specFile, String runId) {
    return TerminalText.escape(dev.vis.engine.ResumeCommand.of(specFile, runId));
  }

  private static String shortened(String message) {
    String line = message.replaceAll("\\s+", " ").strip();
    return TerminalText.escape(
        line.length() <= MAX_EXAMPLE ? line : line.substring(0, MAX_EXAMPLE - 1) + "…");
  }
}
