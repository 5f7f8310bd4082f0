package dev.vis.cli;

import dev.vis.report.Choice;
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
  String progress;

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

  /** Refuses an unknown {@code --progress} before any work; returns itself. */
  RunReporting checked() {
    progressMode();
    return this;
  }

  /**
   * The progress to show: none at all with {@code --quiet}. An unknown mode is refused in the words
   * every other option with a fixed set of values uses, not in picocli's upper-case enum names.
   */
  ProgressMode progressMode() {
    return quiet ? ProgressMode.NONE : Choice.parse(ProgressMode.class, "--progress", progress);
  }

  /** {@code --metrics-file}, refused before any work when it cannot be written where named. */
  Optional<AtomicFile> metrics() {
    return Optional.ofNullable(metricsFile).map(f -> new AtomicFile("--metrics-file", f).checked());
  }
}
