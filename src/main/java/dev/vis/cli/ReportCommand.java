package dev.vis.cli;

import dev.vis.ExitCode;
import dev.vis.report.CompareOptions;
import dev.vis.report.Report;
import dev.vis.report.ReportFormat;
import dev.vis.report.ReportOptions;
import dev.vis.report.ReportRenderer;
import dev.vis.report.Reports;
import dev.vis.report.Slice;
import dev.vis.store.Store;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vis report [RUN]}: the visibility report of a run, optionally gated against a baseline.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Renders the visibility report of a run (default: the latest finished run).",
      "With --baseline, compares it with an earlier run or a JSON report; with --fail-on-drop, "
          + "exits 3 when a gated brand dropped by more than PP points and the drop is not noise."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the report was written (and the gate, if any, passed)",
      "2:bad usage: unknown option value or brand, unreadable baseline, a run not done",
      "3:the regression gate tripped (the report is still written first)"
    })
final class ReportCommand extends Subcommand {
  @Mixin OutputOptions output;

  @Mixin RunArgument run;

  @Mixin GateOutputs gateOutputs;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "md",
      completionCandidates = OptionValues.ReportFormats.class,
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  String format;

  @Option(
      names = "--by",
      paramLabel = "SCOPE",
      completionCandidates = OptionValues.Slices.class,
      description =
          "Breakdowns: ${COMPLETION-CANDIDATES}; repeatable or a comma list (default: all)")
  List<String> by = new ArrayList<>();

  @Option(
      names = "--include-branded",
      description = "Pool prompts that name a tracked brand into the headline figures")
  boolean includeBranded;

  @Option(
      names = "--baseline",
      paramLabel = "RUN|FILE.json",
      description = "Compare with an earlier run or a JSON report file")
  String baseline;

  @Option(
      names = "--fail-on-drop",
      paramLabel = "PP",
      description =
          "Exit 3 when a gated brand drops by more than PP percentage points (needs --baseline)")
  Double failOnDrop;

  @Option(
      names = "--metric",
      paramLabel = "METRIC",
      completionCandidates = OptionValues.GateMetrics.class,
      defaultValue = "mention",
      description =
          "Gated metric, mention rate or share of voice: ${COMPLETION-CANDIDATES} "
              + "(default: ${DEFAULT-VALUE})")
  String metric;

  @Option(
      names = "--gate-brand",
      paramLabel = "NAME",
      description = "Brand to compare and gate; repeatable (default: the primary brand)")
  List<String> gateBrands = new ArrayList<>();

  @Option(
      names = "--alpha",
      paramLabel = "A",
      defaultValue = "0.05",
      description = "Significance level, shared by the gated brands (default: ${DEFAULT-VALUE})")
  double alpha;

  @Override
  public Integer call() throws Exception {
    ReportFormat reportFormat = ReportFormat.parse(format);
    Optional<CompareOptions> compare =
        CompareOptions.parse(
            Optional.ofNullable(baseline),
            Optional.ofNullable(failOnDrop),
            metric,
            gateBrands,
            alpha);
    gateOutputs.check(compare.map(CompareOptions::gating).orElse(false));
    ReportOptions options = new ReportOptions(Slice.parseAll(by), includeBranded, compare);
    output.check();
    PrintWriter err = err();
    Report report;
    try (Store db = readStore()) {
      report = Reports.build(db, run.reference, options, w -> err.println(TerminalText.lines(w)));
    }
    err.flush();
    try {
      output.write(out(), w -> ReportRenderer.of(reportFormat).render(report.data(), w));
    } catch (ClosedPipeException e) {
      // `vis report | head`: the reader has what it wanted; the gate's verdict still counts
    }
    gateOutputs.publish(report, context(), err);
    if (report.gateTripped()) {
      err.println("vis: " + TerminalText.lines(report.verdictLine()));
      err.flush();
      return ExitCode.GATE;
    }
    return ExitCode.OK;
  }
}
