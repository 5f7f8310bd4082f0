package dev.vis.cli;

import dev.vis.engine.RunReplay;
import dev.vis.spec.LoadedSpec;
import dev.vis.store.Store;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vis replay RUN}: re-scores stored answers under new brand rules, for free. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Re-analyses a run's stored answers into a new run, calling no provider.",
      "The brand rules come from --spec (default: the run's own); the new run is linked to its "
          + "source. Costs nothing. Prints the new run's id on stdout."
    })
final class ReplayCommand extends Subcommand {
  @Parameters(index = "0", paramLabel = "RUN", description = "The run to re-analyse")
  String run;

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description = "Take the brand rules from this spec")
  Path specFile;

  @Override
  public Integer call() {
    Optional<LoadedSpec> rules =
        Optional.ofNullable(specFile).map(f -> SpecFiles.load(f, context().env()));
    try (Store db = openStore()) {
      long t0 = System.nanoTime();
      RunReplay.Replayed replayed =
          new RunReplay(db, context().clock(), context().env()).replay(run, rules);
      var err = err();
      err.printf(
          java.util.Locale.ROOT,
          "replayed %s into %s: %d answers re-analysed in %.1f s, no provider called%n"
              + "  report: vis report %s%n",
          replayed.sourceRunId(),
          replayed.runId(),
          replayed.answers(),
          (System.nanoTime() - t0) / 1e9,
          replayed.runId());
      err.flush();
      out().println(replayed.runId());
      out().flush();
    }
    return 0;
  }
}
