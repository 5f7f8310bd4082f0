package dev.vis.engine;

import dev.vis.store.AttemptRecord;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One call attempt as it ended, with the task it served: what {@code --log-json} writes. Holds no
 * key and no header.
 *
 * @param runId the run
 * @param taskId the task
 * @param promptId the prompt
 * @param modelId the spec's model id
 * @param provider the provider's name
 * @param model the provider's model name
 * @param sample the task's sample number
 * @param attempt the attempt's outcome (status, latency, error)
 * @param inputTokens input tokens of an answer, when it reported them
 * @param outputTokens output tokens of an answer, when it reported them
 * @param costUsd cost of an answer, when it is priced
 */
public record AttemptEvent(
    String runId,
    long taskId,
    String promptId,
    String modelId,
    String provider,
    String model,
    int sample,
    AttemptRecord attempt,
    OptionalLong inputTokens,
    OptionalLong outputTokens,
    Optional<BigDecimal> costUsd) {}
