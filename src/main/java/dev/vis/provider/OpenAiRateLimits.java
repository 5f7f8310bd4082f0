package dev.vis.provider;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads the {@code x-ratelimit-*} headers OpenAI and OpenAI-format servers send on every response:
 * limit and remaining counts for requests and tokens, and the time until each window refills as a
 * Go duration ({@code 120ms}, {@code 6m0s}).
 *
 * <p>A header that is missing or unreadable is left empty; a server that sends none yields {@link
 * RateLimits#none()}.
 */
final class OpenAiRateLimits {
  private static final Pattern COUNT = Pattern.compile("\\d+(\\.\\d+)?");

  private OpenAiRateLimits() {}

  /** What the headers of one response said. */
  static RateLimits from(HttpHeaders headers) {
    return new RateLimits(
        count(headers, "x-ratelimit-limit-requests"),
        count(headers, "x-ratelimit-remaining-requests"),
        reset(headers, "x-ratelimit-reset-requests"),
        count(headers, "x-ratelimit-limit-tokens"),
        count(headers, "x-ratelimit-remaining-tokens"),
        reset(headers, "x-ratelimit-reset-tokens"));
  }

  private static OptionalLong count(HttpHeaders headers, String name) {
    Optional<String> value = headers.firstValue(name).map(String::strip);
    if (value.isEmpty() || !COUNT.matcher(value.get()).matches()) {
      return OptionalLong.empty();
    }
    try {
      // Some compatible servers send "500.0"; a count never needs its fraction.
      return OptionalLong.of(new BigDecimal(value.get()).longValueExact());
    } catch (ArithmeticException e) {
      return OptionalLong.empty();
    }
  }

  private static Optional<Duration> reset(HttpHeaders headers, String name) {
    return headers.firstValue(name).flatMap(RetryAfter::resetValue);
  }
}
