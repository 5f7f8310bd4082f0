package dev.vis.store;

import dev.vis.analysis.AnswerAnalysis;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One task of a run with everything stored for it, as {@code vis push} copies it from one store to
 * another.
 *
 * @param task the task as first recorded
 * @param status {@code pending}, {@code ok} or {@code failed}
 * @param attemptCount the attempts the task counts (in a replay, those of its source's task)
 * @param error the last error, for a task that is not ok
 * @param updatedAt when the task last changed
 * @param attempts the task's own attempt records, oldest first (none in a replay)
 * @param answer its answer, for an ok task
 * @param analysis the brands and sources found in its answer (empty without one)
 */
public record RecordedTask(
    NewTask task,
    String status,
    int attemptCount,
    Optional<String> error,
    Instant updatedAt,
    List<AttemptRecord> attempts,
    Optional<AnswerRecord> answer,
    AnswerAnalysis analysis) {
  public RecordedTask {
    attempts = List.copyOf(attempts);
  }
}
