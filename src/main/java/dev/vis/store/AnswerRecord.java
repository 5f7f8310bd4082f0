package dev.vis.store;

import dev.vis.analysis.SourceRef;
import dev.vis.spec.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A received answer as stored.
 *
 * @param text analysed text ({@code <think>} blocks stripped)
 * @param rawBody body exactly as received
 * @param httpStatus status
 * @param finishReason provider's finish reason
 * @param requestId provider's request id
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens
 * @param costUsd cost, absent when unpriced
 * @param price prices it was costed with
 * @param latencyMs latency of the successful attempt
 * @param grounded whether a web search ran
 * @param createdAt arrival time
 * @param sources the provider's own citation fields
 * @param searches web searches the provider billed for the answer
 * @param servedModel the model the provider says answered, when it says
 */
public record AnswerRecord(
    String text,
    String rawBody,
    int httpStatus,
    Optional<String> finishReason,
    Optional<String> requestId,
    OptionalLong inputTokens,
    OptionalLong outputTokens,
    Optional<BigDecimal> costUsd,
    Optional<Price> price,
    long latencyMs,
    boolean grounded,
    Instant createdAt,
    List<SourceRef> sources,
    int searches,
    Optional<String> servedModel) {
  public AnswerRecord {
    sources = List.copyOf(sources);
  }
}
