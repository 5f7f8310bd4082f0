package dev.vis.provider;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads Anthropic's {@code anthropic-ratelimit-requests-*} and {@code anthropic-ratelimit-tokens-*}
 * headers (the tokens ones describe the most restrictive token limit in effect) into {@link
 * RateLimits}; their {@code -reset} values are RFC 3339 times, turned into the time left from the
 * clock's now.
 */
final class AnthropicRateLimits {
  private static final String PREFIX = "anthropic-ratelimit-";

  private AnthropicRateLimits() {}

  static RateLimits from(HttpHeaders headers, Clock clock) {
    return new RateLimits(
        count(headers, "requests-limit"),
        count(headers, "requests-remaining"),
        reset(headers, "requests-reset", clock),
        count(headers, "tokens-limit"),
        count(headers, "tokens-remaining"),
        reset(headers, "tokens-reset", clock));
  }

  private static OptionalLong count(HttpHeaders headers, String name) {
    Optional<String> value = headers.firstValue(PREFIX + name).map(String::strip);
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long n = Long.parseLong(value.get());
      return n >= 0 ? OptionalLong.of(n) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static Optional<Duration> reset(HttpHeaders headers, String name, Clock clock) {
    return headers.firstValue(PREFIX + name).flatMap(v -> RetryAfter.untilInstant(v, clock));
  }
}
