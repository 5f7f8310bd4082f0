package dev.vis.cli;

import dev.vis.analysis.BrandDelta;
import dev.vis.analysis.Comparison;
import dev.vis.analysis.Verdict;
import dev.vis.report.ComparisonView;
import dev.vis.report.GateLine;
import dev.vis.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub Actions mode of the gate (SPEC §3), on when the runner sets {@code GITHUB_ACTIONS=true}:
 * the verdict and the first gated brand's figures appended to {@code $GITHUB_OUTPUT}, the markdown
 * report to {@code $GITHUB_STEP_SUMMARY}, and an {@code ::error} line per dropped brand on stderr.
 * stdout is left alone: it carries the report.
 */
final class GithubActions {
  private final Map<String, String> env;
  private final PrintWriter err;

  private GithubActions(Map<String, String> env, PrintWriter err) {
    this.env = env;
    this.err = err;
  }

  /** The mode when the environment is a GitHub Actions runner's. */
  static Optional<GithubActions> detect(Map<String, String> env, PrintWriter err) {
    return "true".equals(env.get("GITHUB_ACTIONS"))
        ? Optional.of(new GithubActions(env, err))
        : Optional.empty();
  }

  /** Publishes the gate's outcome; {@code markdown} is the report as markdown. */
  void publish(Report report, ComparisonView view, String markdown) {
    Comparison c = view.comparison();
    for (BrandDelta b : c.brands()) {
      if (b.verdict() == Verdict.DROP) {
        err.println(
            new WorkflowCommand("error", "vis regression gate: " + b.brand(), GateLine.of(c, b))
                .line());
      }
    }
    err.flush();
    append("GITHUB_OUTPUT", outputs(report, c));
    append("GITHUB_STEP_SUMMARY", markdown.endsWith("\n") ? markdown : markdown + "\n");
  }

  private static String outputs(Report report, Comparison c) {
    StringBuilder out = new StringBuilder();
    output(out, "verdict", report.gateTripped() ? "drop" : "pass");
    if (!c.brands().isEmpty()) {
      BrandDelta b = c.brands().get(0);
      output(out, "brand", b.brand());
      output(out, "metric", GateLine.metric(c).replace(' ', '_'));
      if (b.verdict() != Verdict.NO_DATA) {
        output(out, "rate", fraction(b.current().value()));
        output(out, "rate_low", fraction(b.current().low()));
        output(out, "rate_high", fraction(b.current().high()));
        output(out, "baseline_rate", fraction(b.baseline().value()));
        output(out, "delta_pp", String.format(Locale.ROOT, "%.1f", b.delta() * 100));
        output(out, "p_value", String.format(Locale.ROOT, "%.4f", b.pValue()));
      }
    }
    return out.toString();
  }

  /** One {@code name=value} line; a line break in a value would start another output. */
  private static void output(StringBuilder out, String name, String value) {
    out.append(name).append('=').append(value.replaceAll("[\r\n]+", " ")).append('\n');
  }

  private static String fraction(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /**
   * Appends to the file the runner names in {@code variable}; without it, does nothing. A file that
   * cannot be written is a warning, never a change of the gate's exit code.
   */
  private void append(String variable, String text) {
    String file = env.get(variable);
    if (file == null || file.isBlank()) {
      return;
    }
    try {
      Files.writeString(
          Path.of(file),
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
    } catch (IOException | RuntimeException e) {
      err.println(
          new WorkflowCommand(
                  "warning",
                  "vis",
                  "cannot append to $" + variable + " (" + file + "): " + e.getMessage())
              .line());
      err.flush();
    }
  }
}
