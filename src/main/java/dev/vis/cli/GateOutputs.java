package dev.vis.cli;

import dev.vis.VisException;
import dev.vis.report.JunitReport;
import dev.vis.report.Report;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The gate's verdicts for CI tools, beside the report: {@code --junit FILE}. */
final class GateOutputs {
  @Option(
      names = "--junit",
      paramLabel = "FILE",
      description =
          "Write the gate's verdicts to FILE as JUnit XML: one test case per gated brand, "
              + "failed when it dropped (needs --fail-on-drop)")
  Path junit;

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

  /** Writes what was asked for from the built report. */
  void publish(Report report, CliContext context) {
    report
        .data()
        .comparison()
        .filter(view -> view.gating() && junit != null)
        .ifPresent(
            view ->
                new AtomicFile("--junit", junit)
                    .write(
                        JunitReport.of(
                            view, report.data().facts().runId(), context.clock().instant())));
  }
}
