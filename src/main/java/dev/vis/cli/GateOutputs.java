package dev.vis.cli;

import dev.vis.VisException;
import dev.vis.report.ComparisonView;
import dev.vis.report.JunitReport;
import dev.vis.report.Report;
import dev.vis.report.ReportFormat;
import dev.vis.report.ReportRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The gate's verdicts for CI tools, beside the report: {@code --junit FILE} and, under GitHub
 * Actions, the runner's outputs, job summary and annotations ({@code --no-github} turns them off).
 */
final class GateOutputs {
  @Option(
      names = "--junit",
      paramLabel = "FILE",
      description =
          "Write the gate's verdicts to FILE as JUnit XML: one test case per gated brand, "
              + "failed when it dropped (needs --fail-on-drop)")
  Path junit;

  @Option(
      names = "--no-github",
      description =
          "Under GitHub Actions (GITHUB_ACTIONS=true), append nothing to $GITHUB_OUTPUT or "
              + "$GITHUB_STEP_SUMMARY and print no ::error lines")
  boolean noGithub;

  /**
   * Refuses, before any work, what cannot be honoured.
   *
   * @param gating whether the command gates ({@code --baseline} and {@code --fail-on-drop})
   * @throws VisException with exit code 2
   */
  void check(boolean gating) {
    if (junit == null) {
      return;
    }
    if (!gating) {
      throw VisException.usage(
          "--junit needs the gate: --baseline RUN|FILE.json and --fail-on-drop PP");
    }
    new AtomicFile("--junit", junit).checked();
  }

  /** Writes what was asked for from the built report; nothing without a gate. */
  void publish(Report report, CliContext context, PrintWriter err) throws IOException {
    Optional<ComparisonView> gate = report.data().comparison().filter(ComparisonView::gating);
    if (gate.isEmpty()) {
      return;
    }
    if (junit != null) {
      new AtomicFile("--junit", junit)
          .write(
              JunitReport.of(gate.get(), report.data().facts().runId(), context.clock().instant()));
    }
    Optional<GithubActions> github =
        noGithub ? Optional.empty() : GithubActions.detect(context.env(), err);
    if (github.isPresent()) {
      StringWriter markdown = new StringWriter();
      ReportRenderer.of(ReportFormat.MD).render(report.data(), markdown);
      github.get().publish(report, gate.get(), markdown.toString());
    }
  }
}
