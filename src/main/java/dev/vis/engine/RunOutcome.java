package dev.vis.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * What one session of a run did.
 *
 * @param runId the run
 * @param ok tasks answered in this session
 * @param failed tasks given up on in this session
 * @param notStarted tasks left pending (stopped or interrupted before their call)
 * @param calls HTTP calls (attempts) made
 * @param retries retries made
 * @param costUsd cost of this session's answers
 * @param elapsed wall time of the session
 * @param failureReasons failed tasks grouped by cause (a label a person understands)
 * @param interrupted whether the session was interrupted
 * @param budgetStop present when the cost cap stopped scheduling
 */
public record RunOutcome(
    String runId,
    long ok,
    long failed,
    long notStarted,
    long calls,
    long retries,
    BigDecimal costUsd,
    Duration elapsed,
    Map<String, FailureGroup> failureReasons,
    boolean interrupted,
    java.util.Optional<BudgetStop> budgetStop) {
  public RunOutcome {
    failureReasons = Map.copyOf(failureReasons);
  }
}
