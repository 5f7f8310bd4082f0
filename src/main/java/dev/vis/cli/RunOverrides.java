package dev.vis.cli;

import dev.vis.VisException;
import dev.vis.engine.RunOptions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The options of {@code vis run} that override its spec, checked as flags (their messages name the
 * flag) and handed to the engine as {@link RunOptions}.
 */
final class RunOverrides {
  @Option(names = "--concurrency", paramLabel = "N", description = "Calls in flight in all")
  Integer concurrency;

  @Option(names = "--samples", paramLabel = "N", description = "Answers per (prompt, model)")
  Integer samples;

  @Option(names = "--models", paramLabel = "ID", split = ",", description = "Only these model ids")
  List<String> models;

  @Option(names = "--max-usd", paramLabel = "USD", description = "Cost cap for the run")
  BigDecimal maxUsd;

  @Option(
      names = "--max-tasks",
      paramLabel = "N",
      description = "Allow up to N tasks, in place of the spec's max_tasks (default 100,000)")
  Integer maxTasks;

  @Option(
      names = "--max-failure-rate",
      paramLabel = "PERCENT",
      defaultValue = "5",
      description =
          "Fail the run (exit 1) when more than this share of tasks failed (default: ${DEFAULT-VALUE})")
  double maxFailureRate;

  /** {@code --max-tasks}, which the spec loader checks the task count against. */
  OptionalInt maxTasks() {
    return maxTasks == null ? OptionalInt.empty() : OptionalInt.of(maxTasks);
  }

  /**
   * The overrides as the engine takes them, or a usage error (exit 2) for a value out of range or a
   * flag that a resume cannot honour.
   */
  RunOptions options(boolean resuming) {
    if (concurrency != null && concurrency < 1) {
      throw VisException.usage("--concurrency must be at least 1 (got " + concurrency + ")");
    }
    if (samples != null && samples < 1) {
      throw VisException.usage("--samples must be at least 1 (got " + samples + ")");
    }
    if (maxTasks != null && maxTasks < 1) {
      throw VisException.usage("--max-tasks must be at least 1 (got " + maxTasks + ")");
    }
    if (maxUsd != null && maxUsd.signum() <= 0) {
      throw VisException.usage(
          "--max-usd must be more than 0 (got " + maxUsd.toPlainString() + ")");
    }
    if (maxFailureRate < 0 || maxFailureRate > 100) {
      throw VisException.usage(
          "--max-failure-rate is a percentage from 0 to 100 (got " + maxFailureRate + ")");
    }
    if (resuming && (samples != null || models != null)) {
      throw VisException.usage(
          "--samples and --models do not apply to --resume: a run is finished as it was started"
              + " (only --concurrency and --max-usd apply)");
    }
    return new RunOptions(
        concurrency == null ? OptionalInt.empty() : OptionalInt.of(concurrency),
        samples == null ? OptionalInt.empty() : OptionalInt.of(samples),
        Optional.ofNullable(models).map(List::copyOf),
        Optional.ofNullable(maxUsd),
        maxFailureRate);
  }
}
