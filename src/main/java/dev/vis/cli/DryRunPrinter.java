package dev.vis.cli;

import dev.vis.engine.RunEstimate;
import dev.vis.engine.RunOptions;
import dev.vis.engine.RunPreparation;
import dev.vis.spec.LoadedSpec;
import dev.vis.spec.RequiredKeys;
import dev.vis.spec.RunSpec;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code vis run --dry-run}: tasks, estimated tokens and estimated cost per model, assuming every
 * answer spends its {@code max_tokens}, on stdout; a warning on stderr when that passes the cost
 * cap.
 */
final class DryRunPrinter {
  private final PrintWriter out;
  private final PrintWriter err;

  DryRunPrinter(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  void print(LoadedSpec loaded, RunOptions options, Map<String, String> env) {
    RunSpec spec = RunPreparation.effectiveSpec(loaded, options);
    RunEstimate estimate = RunEstimate.of(spec);
    out.printf(
        Locale.ROOT,
        "%s: %d prompts x %d models x %d samples = %d tasks (nothing called)%n",
        TerminalText.escape(spec.name()),
        spec.prompts().size(),
        spec.models().size(),
        spec.samples(),
        estimate.tasks());
    out.printf(
        Locale.ROOT,
        "%-24s %8s %14s %14s %9s %12s%n",
        "model",
        "tasks",
        "input tokens",
        "output tokens",
        "searches",
        "est. USD");
    for (RunEstimate.Model m : estimate.models()) {
      out.printf(
          Locale.ROOT,
          "%-24s %8d %14d %14d %9d %12s%n",
          TerminalText.escape(m.id()),
          m.tasks(),
          m.inputTokens(),
          m.outputTokens(),
          m.searches(),
          m.usd().map(c -> c.setScale(4, RoundingMode.HALF_UP).toPlainString()).orElse("no price"));
    }
    out.printf(
        Locale.ROOT,
        "%-24s %8s %14s %14s %9s %12s%n",
        "total",
        "",
        "",
        "",
        "",
        estimate.totalUsd().setScale(4, RoundingMode.HALF_UP).toPlainString());
    if (estimate.unpriced() > 0) {
      out.println(
          estimate.unpriced()
              + " model(s) have no price: add them under `pricing:` to estimate their cost");
    }
    spec.budget().ifPresent(b -> out.println("budget: $" + b.maxUsd().toPlainString()));
    List<String> missing = RequiredKeys.missing(spec, env);
    if (!missing.isEmpty()) {
      out.println(
          "note: a real run needs " + TerminalText.escape(String.join(", ", missing)) + " set");
    }
    out.flush();
    if (estimate.overCap(spec)) {
      warnOverCap(
          estimate.totalUsd(), spec.budget().orElseThrow().maxUsd(), options.maxUsd().isPresent());
    }
  }

  private void warnOverCap(BigDecimal estimate, BigDecimal cap, boolean fromCommandLine) {
    err.println(
        "vis: warning: the estimate of $"
            + estimate.setScale(4, RoundingMode.HALF_UP).toPlainString()
            + " is over the cost cap of $"
            + cap.toPlainString()
            + (fromCommandLine ? " (--max-usd)" : " (budget.max_usd)")
            + ": unless answers come out shorter than max_tokens, the run stops at the cap with"
            + " tasks left pending (exit 4); raise the cap or ask for fewer tasks");
    err.flush();
  }
}
