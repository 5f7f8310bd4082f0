package dev.vis.cli;

import dev.vis.report.ReportData;
import dev.vis.report.ReportFormat;
import dev.vis.report.ReportLoader;
import dev.vis.report.ReportRenderer;
import dev.vis.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vis report [RUN]}: the visibility report of a run. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Renders the visibility report of a run (default: the latest finished run).")
final class ReportCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin StoreOptions store;
  @Mixin OutputOptions output;

  @Mixin RunArgument run;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "md",
      description = "md, csv or json (default: ${DEFAULT-VALUE})")
  String format;

  ReportCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    ReportFormat reportFormat = ReportFormat.parse(format);
    try (Store db = store.open(context.env(), false, context.clock())) {
      ReportData data = ReportLoader.load(db, db.run(run.reference));
      output.write(spec.commandLine().getOut(), w -> ReportRenderer.of(reportFormat).render(data, w));
    }
    return 0;
  }
}
