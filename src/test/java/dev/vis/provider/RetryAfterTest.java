package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  private static HttpHeaders headers(String... nameValues) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      map.put(nameValues[i], List.of(nameValues[i + 1]));
    }
    return HttpHeaders.of(map, (name, value) -> true);
  }

  @Nested
  class Order {
    @Test
    void prefers_retry_after_ms_to_everything_else() {
      assertThat(RetryAfter.from(headers("retry-after-ms", "250", "Retry-After", "7"), CLOCK))
          .contains(Duration.ofMillis(250));
    }

    @Test
    void uses_retry_after_before_the_reset_headers() {
      assertThat(
              RetryAfter.from(
                  headers(
                      "Retry-After", "3",
                      "x-ratelimit-remaining-requests", "0",
                      "x-ratelimit-reset-requests", "20s"),
                  CLOCK))
          .contains(Duration.ofSeconds(3));
    }

    @Test
    void ranks_a_delay_from_the_error_body_after_retry_after_and_before_the_reset_headers() {
      Optional<Duration> body = Optional.of(Duration.ofSeconds(37));
      HttpHeaders reset =
          headers("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "20s");

      assertThat(RetryAfter.from(headers("Retry-After", "3"), CLOCK, body))
          .contains(Duration.ofSeconds(3));
      assertThat(RetryAfter.from(headers("retry-after-ms", "250"), CLOCK, body))
          .contains(Duration.ofMillis(250));
      assertThat(RetryAfter.from(reset, CLOCK, body)).contains(Duration.ofSeconds(37));
      assertThat(RetryAfter.from(reset, CLOCK, Optional.empty())).contains(Duration.ofSeconds(20));
    }

    @Test
    void falls_back_to_the_reset_header_of_an_exhausted_limit() {
      assertThat(
              RetryAfter.from(
                  headers(
                      "x-ratelimit-remaining-requests", "0",
                      "x-ratelimit-reset-requests", "1s",
                      "x-ratelimit-remaining-tokens", "1200",
                      "x-ratelimit-reset-tokens", "6m0s"),
                  CLOCK))
          .contains(Duration.ofSeconds(1));
    }

    @Test
    void takes_the_longer_reset_when_both_limits_are_exhausted() {
      assertThat(
              RetryAfter.from(
                  headers(
                      "x-ratelimit-remaining-requests", "0",
                      "x-ratelimit-reset-requests", "1s",
                      "x-ratelimit-remaining-tokens", "0",
                      "x-ratelimit-reset-tokens", "6m0s"),
                  CLOCK))
          .contains(Duration.ofMinutes(6));
    }

    @Test
    void ignores_reset_headers_while_requests_remain() {
      assertThat(
              RetryAfter.from(
                  headers(
                      "x-ratelimit-remaining-requests", "499",
                      "x-ratelimit-reset-requests", "120ms"),
                  CLOCK))
          .isEmpty();
    }

    @Test
    void is_empty_when_the_server_said_nothing() {
      assertThat(RetryAfter.from(headers(), CLOCK)).isEmpty();
    }

    @Test
    void skips_a_value_it_cannot_read_and_tries_the_next_header() {
      assertThat(RetryAfter.from(headers("retry-after-ms", "soon", "retry-after", "2"), CLOCK))
          .contains(Duration.ofSeconds(2));
    }
  }

  @Nested
  class RetryAfterValues {
    @Test
    void reads_delta_seconds() {
      assertThat(RetryAfter.retryAfterValue("20", CLOCK)).contains(Duration.ofSeconds(20));
    }

    @Test
    void tolerates_decimal_seconds() {
      assertThat(RetryAfter.retryAfterValue("1.5", CLOCK)).contains(Duration.ofMillis(1500));
    }

    @Test
    void reads_an_http_date_relative_to_the_clock() {
      assertThat(RetryAfter.retryAfterValue("Sun, 01 Jun 2025 12:00:30 GMT", CLOCK))
          .contains(Duration.ofSeconds(30));
    }

    @Test
    void reads_an_http_date_in_the_past_as_no_wait() {
      assertThat(RetryAfter.retryAfterValue("Sun, 01 Jun 2025 11:59:00 GMT", CLOCK))
          .contains(Duration.ZERO);
    }

    @Test
    void refuses_negative_and_garbage_values() {
      assertThat(RetryAfter.retryAfterValue("-5", CLOCK)).isEmpty();
      assertThat(RetryAfter.retryAfterValue("tomorrow", CLOCK)).isEmpty();
    }

    @Test
    void caps_absurd_values_instead_of_overflowing() {
      assertThat(RetryAfter.retryAfterValue("99999999999999999999", CLOCK))
          .contains(RetryAfter.CAP);
    }
  }

  @Nested
  class ResetValues {
    @Test
    void reads_the_forms_openai_sends() {
      assertThat(RetryAfter.resetValue("1s")).contains(Duration.ofSeconds(1));
      assertThat(RetryAfter.resetValue("6m0s")).contains(Duration.ofMinutes(6));
      assertThat(RetryAfter.resetValue("20ms")).contains(Duration.ofMillis(20));
      assertThat(RetryAfter.resetValue("1.5s")).contains(Duration.ofMillis(1500));
      assertThat(RetryAfter.resetValue("1h2m3s")).contains(Duration.ofSeconds(3723));
      assertThat(RetryAfter.resetValue("2m59.56s")).contains(Duration.ofMillis(179_560));
    }

    @Test
    void reads_a_bare_number_as_seconds() {
      assertThat(RetryAfter.resetValue("4")).contains(Duration.ofSeconds(4));
    }

    @Test
    void refuses_what_is_not_a_duration() {
      assertThat(RetryAfter.resetValue("")).isEmpty();
      assertThat(RetryAfter.resetValue("1x")).isEmpty();
      assertThat(RetryAfter.resetValue("s1")).isEmpty();
      assertThat(RetryAfter.resetValue("1s later")).isEmpty();
    }
  }

  @Nested
  class AnthropicResets {
    @Test
    void waits_until_the_reset_time_of_an_exhausted_limit() {
      assertThat(
              RetryAfter.from(
                  headers(
                      "anthropic-ratelimit-requests-remaining", "0",
                      "anthropic-ratelimit-requests-reset", "2025-06-01T12:00:30Z",
                      "anthropic-ratelimit-tokens-remaining", "5000",
                      "anthropic-ratelimit-tokens-reset", "2025-06-01T12:05:00Z"),
                  CLOCK))
          .contains(Duration.ofSeconds(30));
    }

    @Test
    void takes_the_latest_reset_when_several_limits_are_exhausted() {
      assertThat(
              RetryAfter.from(
                  headers(
                      "anthropic-ratelimit-requests-remaining", "0",
                      "anthropic-ratelimit-requests-reset", "2025-06-01T12:00:30Z",
                      "anthropic-ratelimit-output-tokens-remaining", "0",
                      "anthropic-ratelimit-output-tokens-reset", "2025-06-01T12:01:15Z"),
                  CLOCK))
          .contains(Duration.ofSeconds(75));
    }

    @Test
    void comes_after_retry_after() {
      assertThat(
              RetryAfter.from(
                  headers(
                      "retry-after", "4",
                      "anthropic-ratelimit-requests-remaining", "0",
                      "anthropic-ratelimit-requests-reset", "2025-06-01T12:00:30Z"),
                  CLOCK))
          .contains(Duration.ofSeconds(4));
    }

    @Test
    void ignores_resets_while_the_limit_has_room() {
      assertThat(
              RetryAfter.from(
                  headers(
                      "anthropic-ratelimit-requests-remaining", "12",
                      "anthropic-ratelimit-requests-reset", "2025-06-01T12:00:30Z"),
                  CLOCK))
          .isEmpty();
    }

    @Test
    void reads_rfc_3339_times_with_offsets_and_fractions_relative_to_the_clock() {
      assertThat(RetryAfter.untilInstant("2025-06-01T14:00:02.5+02:00", CLOCK))
          .contains(Duration.ofMillis(2500));
      assertThat(RetryAfter.untilInstant("2025-06-01T11:59:00Z", CLOCK)).contains(Duration.ZERO);
      assertThat(RetryAfter.untilInstant("soon", CLOCK)).isEmpty();
    }
  }
}
