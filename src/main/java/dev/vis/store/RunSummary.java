package dev.vis.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One run as lists and reports show it.
 *
 * @param id ULID
 * @param name spec name
 * @param specPath spec file as given
 * @param specSha256 digest of the spec text
 * @param status effective status ({@code stale} when its owner is gone)
 * @param createdAt start time
 * @param finishedAt end time, when ended
 * @param sourceRunId the replayed run, for a replay
 * @param ok tasks answered
 * @param failed tasks given up on
 * @param pending tasks not yet answered
 * @param costUsd cost of the priced answers (zero for a replay, which calls nothing)
 * @param unpriced answers without a price
 * @param owner the process that works or worked it
 * @param heartbeatAt the owner's last sign of life
 */
public record RunSummary(
    String id,
    String name,
    String specPath,
    String specSha256,
    RunStatus status,
    Instant createdAt,
    Optional<Instant> finishedAt,
    Optional<String> sourceRunId,
    long ok,
    long failed,
    long pending,
    BigDecimal costUsd,
    long unpriced,
    Optional<Owner> owner,
    Optional<Instant> heartbeatAt) {

  public long tasks() {
    return ok + failed + pending;
  }
}
