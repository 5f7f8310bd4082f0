package dev.vis.cli;

import dev.vis.engine.CallEstimate;
import dev.vis.engine.RunOptions;
import dev.vis.engine.RunPreparation;
import dev.vis.spec.LoadedSpec;
import dev.vis.spec.PromptSpec;
import dev.vis.spec.RequiredKeys;
import dev.vis.spec.RunSpec;
import dev.vis.store.StoredModel;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
    List<StoredModel> models = RunPreparation.priced(spec);
    out.printf(
        Locale.ROOT,
        "%s: %d prompts x %d models x %d samples = %d tasks (nothing called)%n",
        TerminalText.escape(spec.name()),
        spec.prompts().size(),
        spec.models().size(),
        spec.samples(),
        (long) spec.prompts().size() * spec.models().size() * spec.samples());
    out.printf(
        Locale.ROOT,
        "%-24s %8s %14s %14s %9s %12s%n",
        "model",
        "tasks",
        "input tokens",
        "output tokens",
        "searches",
        "est. USD");
    BigDecimal total = BigDecimal.ZERO;
    int unpriced = 0;
    for (StoredModel m : models) {
      long tasks = (long) spec.prompts().size() * spec.samples();
      long input = 0;
      long output = 0;
      long searches = 0;
      Optional<BigDecimal> cost = Optional.of(BigDecimal.ZERO);
      for (PromptSpec p : spec.prompts()) {
        CallEstimate call = CallEstimate.of(p, m);
        input += call.inputTokens() * spec.samples();
        output += call.outputTokens() * spec.samples();
        searches += call.searches() * spec.samples();
        BigDecimal samples = BigDecimal.valueOf(spec.samples());
        cost = cost.flatMap(sum -> call.usd().map(usd -> sum.add(usd.multiply(samples))));
      }
      if (cost.isPresent()) {
        total = total.add(cost.get());
      } else {
        unpriced++;
      }
      out.printf(
          Locale.ROOT,
          "%-24s %8d %14d %14d %9d %12s%n",
          TerminalText.escape(m.spec().id()),
          tasks,
          input,
          output,
          searches,
          cost.map(c -> c.setScale(4, RoundingMode.HALF_UP).toPlainString()).orElse("no price"));
    }
    out.printf(
        Locale.ROOT,
        "%-24s %8s %14s %14s %9s %12s%n",
        "total",
        "",
        "",
        "",
        "",
        total.setScale(4, RoundingMode.HALF_UP).toPlainString());
    if (unpriced > 0) {
      out.println(
          unpriced + " model(s) have no price: add them under `pricing:` to estimate their cost");
    }
    spec.budget().ifPresent(b -> out.println("budget: $" + b.maxUsd().toPlainString()));
    List<String> missing = RequiredKeys.missing(spec, env);
    if (!missing.isEmpty()) {
      out.println(
          "note: a real run needs " + TerminalText.escape(String.join(", ", missing)) + " set");
    }
    out.flush();
    BigDecimal estimate = total;
    spec.budget()
        .filter(b -> estimate.compareTo(b.maxUsd()) > 0)
        .ifPresent(b -> warnOverCap(estimate, b.maxUsd(), options.maxUsd().isPresent()));
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
