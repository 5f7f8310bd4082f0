package dev.vis.provider;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The delay a server asked for before the next attempt, read from its response headers: {@code
 * retry-after-ms}, then {@code Retry-After} (seconds or an HTTP date), then OpenAI's {@code
 * x-ratelimit-reset-*} headers for the limit that is exhausted, then Anthropic's {@code
 * anthropic-ratelimit-*-reset} times (RFC 3339) for the limit that is exhausted. A delay the
 * provider put in its error body (Gemini's {@code RetryInfo.retryDelay}) ranks after {@code
 * Retry-After}, before the reset headers.
 *
 * <p>Empty when the server said nothing usable: the engine then backs off exponentially.
 */
final class RetryAfter {
  /** Longer than any sane server delay; keeps arithmetic on absurd values from overflowing. */
  static final Duration CAP = Duration.ofDays(1);

  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
  private static final List<String> ANTHROPIC_LIMITS =
      List.of("requests", "tokens", "input-tokens", "output-tokens");
  private static final Pattern GO_DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private RetryAfter() {}

  /** The delay the headers ask for, measured from {@code clock}'s now for an HTTP date. */
  static Optional<Duration> from(HttpHeaders headers, Clock clock) {
    return from(headers, clock, Optional.empty());
  }

  /**
   * Like {@link #from(HttpHeaders, Clock)}, with {@code bodyDelay} (a delay the error body asked
   * for) taking its place after {@code Retry-After} and before the reset headers.
   */
  static Optional<Duration> from(HttpHeaders headers, Clock clock, Optional<Duration> bodyDelay) {
    Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(v -> scaled(v, 6));
    if (millis.isPresent()) {
      return millis;
    }
    Optional<Duration> retryAfter =
        headers.firstValue("retry-after").flatMap(v -> retryAfterValue(v, clock));
    if (retryAfter.isPresent()) {
      return retryAfter;
    }
    if (bodyDelay.isPresent()) {
      return bodyDelay.map(d -> d.isNegative() ? Duration.ZERO : min(d, CAP));
    }
    Optional<Duration> requests = reset(headers, "requests");
    Optional<Duration> tokens = reset(headers, "tokens");
    if (requests.isPresent() && tokens.isPresent()) {
      return Optional.of(max(requests.get(), tokens.get()));
    }
    return requests.or(() -> tokens).or(() -> anthropicReset(headers, clock));
  }

  /**
   * The time until an RFC 3339 instant ({@code 2025-06-01T12:00:30Z}), measured from {@code
   * clock}'s now: zero when it has passed, capped at {@link #CAP}.
   */
  static Optional<Duration> untilInstant(String value, Clock clock) {
    try {
      Instant at = OffsetDateTime.parse(value.strip()).toInstant();
      Duration delay = Duration.between(clock.instant(), at);
      return Optional.of(delay.isNegative() ? Duration.ZERO : min(delay, CAP));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The longest reset among Anthropic's exhausted limits (requests, tokens, input, output). */
  private static Optional<Duration> anthropicReset(HttpHeaders headers, Clock clock) {
    Optional<Duration> longest = Optional.empty();
    for (String limit : ANTHROPIC_LIMITS) {
      String prefix = "anthropic-ratelimit-" + limit;
      if (!isZero(headers.firstValue(prefix + "-remaining"))) {
        continue;
      }
      Optional<Duration> reset =
          headers.firstValue(prefix + "-reset").flatMap(v -> untilInstant(v, clock));
      if (reset.isPresent() && (longest.isEmpty() || reset.get().compareTo(longest.get()) > 0)) {
        longest = reset;
      }
    }
    return longest;
  }

  private static boolean isZero(Optional<String> remaining) {
    return remaining
        .map(String::strip)
        .filter(NUMBER.asMatchPredicate())
        .map(v -> new BigDecimal(v).signum() == 0)
        .orElse(false);
  }

  /** A {@code Retry-After} value: delta seconds (a decimal is tolerated) or an HTTP date. */
  static Optional<Duration> retryAfterValue(String value, Clock clock) {
    String v = value.strip();
    if (NUMBER.matcher(v).matches()) {
      return seconds(v);
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration delay = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(delay.isNegative() ? Duration.ZERO : min(delay, CAP));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A duration in the form OpenAI's reset headers use ({@code 1s}, {@code 6m0s}, {@code 20ms},
   * {@code 1.5s}, {@code 1h2m3s}); a bare number counts as seconds.
   */
  static Optional<Duration> resetValue(String value) {
    String v = value.strip();
    if (NUMBER.matcher(v).matches()) {
      return seconds(v);
    }
    Matcher m = GO_DURATION.matcher(v);
    BigDecimal nanos = BigDecimal.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(nanosPerUnit(m.group(2))));
      end = m.end();
    }
    if (end == 0 || end != v.length()) {
      return Optional.empty();
    }
    return Optional.of(ofNanos(nanos));
  }

  private static Optional<Duration> reset(HttpHeaders headers, String limit) {
    if (!isZero(headers.firstValue("x-ratelimit-remaining-" + limit))) {
      return Optional.empty();
    }
    return headers.firstValue("x-ratelimit-reset-" + limit).flatMap(RetryAfter::resetValue);
  }

  private static Optional<Duration> seconds(String value) {
    return scaled(value, 9);
  }

  /** A non-negative decimal count of a unit that lasts 10^nanoDigits nanoseconds. */
  private static Optional<Duration> scaled(String value, int nanoDigits) {
    String v = value.strip();
    if (!NUMBER.matcher(v).matches()) {
      return Optional.empty();
    }
    return Optional.of(ofNanos(new BigDecimal(v).movePointRight(nanoDigits)));
  }

  private static BigDecimal nanosPerUnit(String unit) {
    return switch (unit) {
      case "ns" -> BigDecimal.ONE;
      case "us", "µs" -> BigDecimal.valueOf(1_000L);
      case "ms" -> BigDecimal.valueOf(1_000_000L);
      case "s" -> BigDecimal.valueOf(1_000_000_000L);
      case "m" -> BigDecimal.valueOf(60_000_000_000L);
      case "h" -> BigDecimal.valueOf(3_600_000_000_000L);
      default -> throw new IllegalArgumentException(unit);
    };
  }

  private static Duration ofNanos(BigDecimal nanos) {
    BigDecimal cap = BigDecimal.valueOf(CAP.toNanos());
    return nanos.compareTo(cap) >= 0 ? CAP : Duration.ofNanos(nanos.longValue());
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
