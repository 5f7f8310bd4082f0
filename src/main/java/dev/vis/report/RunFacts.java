package dev.vis.report;

import dev.vis.store.ServedModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report says about the run itself, beside its metrics.
 *
 * @param runId the run's ULID
 * @param name the spec's name
 * @param status {@code running}, {@code done}, {@code failed}, {@code budget}, {@code interrupted}
 *     or {@code stale}
 * @param startedAt when the run started
 * @param finishedAt when it ended, absent while it runs
 * @param modelIds the models asked, in spec order
 * @param modelsWithoutAnswers the models that produced no answer (every task failed or is pending),
 *     in spec order: their figures are no data, not zero
 * @param tasks every task of the run
 * @param answers tasks answered ({@code ok})
 * @param failed tasks that failed
 * @param pending tasks not yet called
 * @param costUsd the priced cost, absent when no answer could be priced
 * @param unpricedAnswers answers whose model has no price
 * @param simulated whether the answers come from the {@code sim} provider
 * @param sourceRunId the run whose answers a replay re-scored
 * @param specPath the spec file the run came from
 * @param specSha256 the SHA-256 of that spec, in hex
 * @param servedModels per model in spec order, the models its provider said answered, most answers
 *     first: a dated snapshot can change between runs without notice
 */
public record RunFacts(
    String runId,
    String name,
    String status,
    Instant startedAt,
    Optional<Instant> finishedAt,
    List<String> modelIds,
    List<String> modelsWithoutAnswers,
    long tasks,
    long answers,
    long failed,
    long pending,
    Optional<BigDecimal> costUsd,
    long unpricedAnswers,
    boolean simulated,
    Optional<String> sourceRunId,
    String specPath,
    String specSha256,
    List<ServedModel> servedModels) {
  public RunFacts {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    modelIds = List.copyOf(modelIds);
    modelsWithoutAnswers = List.copyOf(modelsWithoutAnswers);
    Objects.requireNonNull(costUsd, "costUsd");
    Objects.requireNonNull(sourceRunId, "sourceRunId");
    Objects.requireNonNull(specPath, "specPath");
    Objects.requireNonNull(specSha256, "specSha256");
    servedModels = List.copyOf(servedModels);
  }

  /** Whether the run finished every task it had. */
  public boolean done() {
    return "done".equals(status);
  }

  /** Tasks without an answer: failed or never called. */
  public long unanswered() {
    return Math.max(0, tasks - answers);
  }
}
