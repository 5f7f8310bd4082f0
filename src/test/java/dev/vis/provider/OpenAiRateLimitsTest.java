package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiRateLimitsTest {
  private static HttpHeaders headers(Map<String, String> values) {
    return HttpHeaders.of(
        values.entrySet().stream()
            .collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
        (name, value) -> true);
  }

  @Test
  void reads_limits_remaining_counts_and_go_duration_resets() {
    RateLimits limits =
        OpenAiRateLimits.from(
            headers(
                Map.of(
                    "x-ratelimit-limit-requests", "10000",
                    "x-ratelimit-remaining-requests", "9999",
                    "x-ratelimit-reset-requests", "6ms",
                    "x-ratelimit-limit-tokens", "30000000",
                    "x-ratelimit-remaining-tokens", "29999980",
                    "x-ratelimit-reset-tokens", "1m30.5s")));

    assertThat(limits.requestsLimit()).hasValue(10_000);
    assertThat(limits.requestsRemaining()).hasValue(9_999);
    assertThat(limits.requestsReset()).contains(Duration.ofMillis(6));
    assertThat(limits.tokensLimit()).hasValue(30_000_000);
    assertThat(limits.tokensRemaining()).hasValue(29_999_980);
    assertThat(limits.tokensReset()).contains(Duration.ofMillis(90_500));
  }

  @Test
  void is_none_without_headers() {
    assertThat(OpenAiRateLimits.from(headers(Map.of()))).isEqualTo(RateLimits.none());
    assertThat(OpenAiRateLimits.from(headers(Map.of())).isEmpty()).isTrue();
  }

  @Test
  void leaves_unreadable_values_empty_and_keeps_the_rest() {
    RateLimits limits =
        OpenAiRateLimits.from(
            headers(
                Map.of(
                    "x-ratelimit-limit-requests", "lots",
                    "x-ratelimit-remaining-requests", "-1",
                    "x-ratelimit-reset-requests", "soon",
                    "x-ratelimit-remaining-tokens", "1500.0")));

    assertThat(limits.requestsLimit()).isEmpty();
    assertThat(limits.requestsRemaining()).isEmpty();
    assertThat(limits.requestsReset()).isEmpty();
    assertThat(limits.tokensRemaining()).hasValue(1_500);
  }
}
