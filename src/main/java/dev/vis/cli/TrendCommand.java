package dev.vis.cli;

import dev.vis.ExitCode;
import dev.vis.VisException;
import dev.vis.report.ReportFormat;
import dev.vis.report.Trend;
import dev.vis.report.TrendRenderer;
import dev.vis.report.Trends;
import dev.vis.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vis trend NAME}: a spec's done runs over time, with the changes that are real. */
@Command(
    name = "trend",
    mixinStandardHelpOptions = true,
    description = {
      "Shows a spec's done runs over time: per brand, mention rate and share of voice with their"
          + " intervals per run, the changes between consecutive runs that are statistically real"
          + " (the gate's bootstrap paired by prompt, Holm-corrected across brands and steps), and"
          + " where the models, the model that served them or the brand rules changed."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the trend was written",
      "2:bad usage: no run of that spec name, none done, a bad option value"
    })
final class TrendCommand extends Subcommand {
  @Mixin OutputOptions output;

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "The spec's name (its name: field), as vis runs lists it")
  String name;

  @Option(
      names = "--last",
      paramLabel = "N",
      defaultValue = "30",
      description = "Keep the newest N done runs (default: ${DEFAULT-VALUE})")
  int last;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "md",
      completionCandidates = OptionValues.ReportFormats.class,
      description = "Format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  String format;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      defaultValue = "0.05",
      description =
          "Chance of any false flag across all brands and steps (default: ${DEFAULT-VALUE})")
  double alpha;

  @Override
  public Integer call() throws Exception {
    ReportFormat trendFormat = ReportFormat.parse(format);
    if (last < 1) {
      throw VisException.usage("--last " + last + ": give the number of runs to keep, 1 or more");
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw VisException.usage("--alpha " + alpha + ": give a level between 0 and 1, such as 0.05");
    }
    output.check();
    Trend trend;
    try (Store db = readStore()) {
      trend = Trends.build(db, name, last, alpha);
    }
    try {
      output.write(out(), w -> TrendRenderer.render(trend, trendFormat, w));
    } catch (ClosedPipeException e) {
      // `vis trend NAME | head`: the reader has what it wanted
    }
    return ExitCode.OK;
  }
}
