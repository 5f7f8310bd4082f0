package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.RetryableProviderException;
import dev.vis.spec.RetrySpec;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RetryDelaysTest {
  private static final RetrySpec RETRY =
      new RetrySpec(6, Duration.ofSeconds(1), Duration.ofSeconds(60));

  private static RetryableProviderException after(Duration delay) {
    return new RetryableProviderException(
        "HTTP 429", OptionalInt.of(429), Optional.empty(), Optional.ofNullable(delay), null);
  }

  @Test
  void jitter_may_lengthen_a_server_delay_but_never_shortens_it() {
    assertThat(new RetryDelays(RETRY, () -> 0.0).next(1, after(Duration.ofSeconds(7))))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(new RetryDelays(RETRY, () -> 0.999).next(1, after(Duration.ofSeconds(7))))
        .isBetween(Duration.ofSeconds(7), Duration.ofMillis(7700));
  }

  @Test
  void without_a_server_delay_the_backoff_doubles_with_equal_jitter_up_to_the_maximum() {
    RetryDelays high = new RetryDelays(RETRY, () -> 1.0);
    RetryDelays low = new RetryDelays(RETRY, () -> 0.0);
    assertThat(high.next(0, after(null))).isEqualTo(Duration.ofSeconds(1));
    assertThat(high.next(1, after(null))).isEqualTo(Duration.ofSeconds(2));
    assertThat(high.next(2, after(null))).isEqualTo(Duration.ofSeconds(4));
    assertThat(low.next(2, after(null))).isEqualTo(Duration.ofSeconds(2));
    assertThat(high.next(19, after(null))).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void a_calls_waits_double_with_each_backoff_of_its_own() {
    RetryDelays.Waits waits = new RetryDelays(RETRY, () -> 1.0).waits();
    assertThat(waits.next(after(null))).isEqualTo(Duration.ofSeconds(1));
    assertThat(waits.next(after(null))).isEqualTo(Duration.ofSeconds(2));
    assertThat(waits.next(after(null))).isEqualTo(Duration.ofSeconds(4));
  }

  // regression: after 429, 429 (Retry-After: 1) a 500 waited 2-4 s, the third step, not the first
  @Test
  void a_wait_the_server_set_is_obeyed_and_does_not_raise_the_backoff_after_it() {
    RetryDelays.Waits waits = new RetryDelays(RETRY, () -> 1.0).waits();
    assertThat(waits.next(after(Duration.ofSeconds(1)))).isEqualTo(Duration.ofMillis(1100));
    assertThat(waits.next(after(Duration.ofSeconds(1)))).isEqualTo(Duration.ofMillis(1100));
    assertThat(waits.next(after(null))).as("first backoff").isEqualTo(Duration.ofSeconds(1));
    assertThat(waits.next(after(Duration.ofSeconds(7)))).isEqualTo(Duration.ofMillis(7700));
    assertThat(waits.next(after(null))).as("second backoff").isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void each_call_counts_its_own_backoffs() {
    RetryDelays delays = new RetryDelays(RETRY, () -> 1.0);
    RetryDelays.Waits first = delays.waits();
    first.next(after(null));
    first.next(after(null));
    assertThat(delays.waits().next(after(null))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void a_server_delay_over_the_maximum_is_too_long_to_wait() {
    RetryDelays delays = new RetryDelays(RETRY, () -> 0.5);
    assertThat(delays.tooLong(after(Duration.ofSeconds(61)))).isTrue();
    assertThat(delays.tooLong(after(Duration.ofSeconds(60)))).isFalse();
    assertThat(delays.tooLong(after(null))).isFalse();
  }
}
