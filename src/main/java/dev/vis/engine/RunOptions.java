package dev.vis.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Command-line overrides of a run.
 *
 * @param concurrency calls in flight in all
 * @param samples answers per (prompt, model); new runs only
 * @param models ids of the spec's models to ask; new runs only
 * @param maxUsd cost cap (on resume: replaces the run's cumulative cap)
 * @param maxFailurePercent failed / (ok + failed) above this makes the run fail
 */
public record RunOptions(
    OptionalInt concurrency,
    OptionalInt samples,
    Optional<List<String>> models,
    Optional<BigDecimal> maxUsd,
    double maxFailurePercent) {

  public static final double DEFAULT_MAX_FAILURE_PERCENT = 5.0;

  public static RunOptions defaults() {
    return new RunOptions(
        OptionalInt.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_MAX_FAILURE_PERCENT);
  }
}
