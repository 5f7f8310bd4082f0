package dev.vis.provider;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a provider's rate-limit headers said was left when an answer arrived, for the limiter to
 * tighten its buckets when the server knows of less room than vis does.
 *
 * @param requestsLimit requests allowed per window, when sent
 * @param requestsRemaining requests left in the current window, when sent
 * @param requestsReset time until the request window refills, when sent
 * @param tokensLimit tokens allowed per window, when sent
 * @param tokensRemaining tokens left in the current window, when sent
 * @param tokensReset time until the token window refills, when sent
 */
public record RateLimits(
    OptionalLong requestsLimit,
    OptionalLong requestsRemaining,
    Optional<Duration> requestsReset,
    OptionalLong tokensLimit,
    OptionalLong tokensRemaining,
    Optional<Duration> tokensReset) {

  private static final RateLimits NONE =
      new RateLimits(
          OptionalLong.empty(),
          OptionalLong.empty(),
          Optional.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          Optional.empty());

  /** No rate-limit headers (Gemini sends none; neither does {@code sim}). */
  public static RateLimits none() {
    return NONE;
  }

  /** Whether any header was read. */
  public boolean isEmpty() {
    return requestsLimit.isEmpty()
        && requestsRemaining.isEmpty()
        && requestsReset.isEmpty()
        && tokensLimit.isEmpty()
        && tokensRemaining.isEmpty()
        && tokensReset.isEmpty();
  }
}
