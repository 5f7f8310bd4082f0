package dev.vis.cli;

import dev.vis.engine.RunReplay;
import dev.vis.spec.LoadedSpec;
import dev.vis.store.RunSummary;
import dev.vis.store.Store;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vis replay RUN}: re-scores stored answers under new brand rules, for free. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Re-analyses a run's stored answers into a new run, calling no provider.",
      "The brand rules come from --spec (default: the run's own); the new run is linked to its "
          + "source. Costs nothing. Prints the new run's id on stdout."
    })
final class ReplayCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin StoreOptions store;

  @Parameters(index = "0", paramLabel = "RUN", description = "The run to re-analyse")
  String run;

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description = "Take the brand rules from this spec")
  Path specFile;

  ReplayCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Optional<LoadedSpec> rules =
        Optional.ofNullable(specFile).map(f -> SpecFiles.load(f, context.env()));
    try (Store db = store.open(context.env(), false, context.clock())) {
      long t0 = System.nanoTime();
      String id = new RunReplay(db, context.clock(), context.env()).replay(run, rules);
      RunSummary replayed = db.findRun(id).orElseThrow();
      var err = spec.commandLine().getErr();
      err.printf(
          java.util.Locale.ROOT,
          "replayed %s into %s: %d answers re-analysed in %.1f s, no provider called%n"
              + "  report: vis report %s%n",
          replayed.sourceRunId().orElse("?"),
          id,
          replayed.ok(),
          (System.nanoTime() - t0) / 1e9,
          id);
      err.flush();
      spec.commandLine().getOut().println(id);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
