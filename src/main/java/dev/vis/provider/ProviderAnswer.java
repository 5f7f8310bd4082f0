package dev.vis.provider;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A usable answer.
 *
 * @param text the answer text for analysis, {@code <think>} blocks stripped (empty when refused)
 * @param rawBody the response body exactly as received
 * @param httpStatus the HTTP status (200 for {@code sim})
 * @param inputTokens prompt tokens, when the provider reported them
 * @param outputTokens completion tokens (reasoning included), when reported
 * @param finishReason the provider's finish or stop reason, when given
 * @param requestId the provider's request id, when given
 * @param servedModel the model the provider says answered (a dated snapshot, a version), when it
 *     says: it can differ from the model asked for, and change silently between runs
 * @param citations sources the provider returned in its own fields
 * @param grounded whether a web search actually ran for this answer
 * @param searches how many web searches the provider billed for this answer (0 when none)
 * @param rateLimits what the provider's rate-limit headers said was left
 */
public record ProviderAnswer(
    String text,
    String rawBody,
    int httpStatus,
    OptionalLong inputTokens,
    OptionalLong outputTokens,
    Optional<String> finishReason,
    Optional<String> requestId,
    Optional<String> servedModel,
    List<ProviderCitation> citations,
    boolean grounded,
    int searches,
    RateLimits rateLimits) {

  public ProviderAnswer {
    citations = List.copyOf(citations);
    if (searches < 0) {
      throw new IllegalArgumentException("searches must not be negative: " + searches);
    }
  }
}
