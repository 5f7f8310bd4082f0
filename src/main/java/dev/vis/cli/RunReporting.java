package dev.vis.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of {@code vis run} that say what it reports while and after it runs. */
final class RunReporting {
  @Option(
      names = {"-q", "--quiet"},
      description = "No progress or summary on stderr")
  boolean quiet;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      completionCandidates = OptionValues.ProgressModes.class,
      defaultValue = "auto",
      description = "Progress on stderr: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  ProgressMode progress;

  @Option(
      names = "--log-json",
      paramLabel = "FILE",
      description = "Append one JSON line per call attempt to FILE (no keys, no headers)")
  Path logJson;

  @Option(
      names = "--metrics-file",
      paramLabel = "FILE",
      description =
          "Write the run's metrics to FILE in the Prometheus text format when it ends (for "
              + "node_exporter's textfile collector), whole or not at all")
  Path metricsFile;

  /** The progress to show: none at all with {@code --quiet}. */
  ProgressMode progressMode() {
    return quiet ? ProgressMode.NONE : progress;
  }

  /** {@code --metrics-file}, refused before any work when it cannot be written where named. */
  Optional<AtomicFile> metrics() {
    return Optional.ofNullable(metricsFile).map(f -> new AtomicFile("--metrics-file", f).checked());
  }
}
