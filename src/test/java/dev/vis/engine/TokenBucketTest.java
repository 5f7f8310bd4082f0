package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenBucketTest {
  final FakeClock clock = new FakeClock();

  /**
   * Takes one whenever the bucket allows, for {@code span} of fake time; returns when each passed.
   */
  private List<Instant> drain(TokenBucket bucket, Duration span) {
    Instant end = clock.instant().plus(span);
    List<Instant> passed = new ArrayList<>();
    while (clock.instant().isBefore(end)) {
      Duration wait = bucket.waitFor(1);
      if (wait.isZero()) {
        bucket.take(1);
        passed.add(clock.instant());
      } else {
        clock.advance(wait);
      }
    }
    return passed;
  }

  @Nested
  class Rate {
    @Test
    void keeps_at_least_97_percent_of_the_limit_over_ten_minutes() {
      List<Instant> passed = drain(TokenBucket.perMinute(300, clock), Duration.ofMinutes(10));

      assertThat(passed.size()).isBetween(2_910, 3_000);
    }

    @Test
    void never_lets_more_than_the_limit_through_in_any_sliding_60_s_window() {
      List<Instant> passed = drain(TokenBucket.perMinute(300, clock), Duration.ofMinutes(5));

      for (int i = 300; i < passed.size(); i++) {
        assertThat(Duration.between(passed.get(i - 300), passed.get(i)))
            .as("request %d and the one 300 before it", i)
            .isGreaterThan(Duration.ofSeconds(60));
      }
    }

    @Test
    void does_not_burst_a_minute_s_quota_at_start() {
      TokenBucket bucket = TokenBucket.perMinute(300, clock);
      int immediate = 0;
      while (bucket.waitFor(1).isZero()) {
        bucket.take(1);
        immediate++;
      }
      assertThat(immediate).isBetween(1, 3);
    }

    @Test
    void a_request_larger_than_the_bucket_passes_when_full_and_the_next_waits_for_the_debt() {
      TokenBucket tokens = TokenBucket.perMinute(12_000, clock);
      assertThat(tokens.waitFor(4_000)).isZero();
      tokens.take(4_000);

      Duration wait = tokens.waitFor(4_000);

      assertThat(wait).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(21));
    }
  }

  @Nested
  class Settle {
    /** Too high an estimate is given back; usage above it is taken as debt. */
    @ParameterizedTest(name = "{0} tokens used of 1000 estimated move the level by {1}")
    @CsvSource({"300, 700", "1500, -500"})
    void settling_moves_the_level_by_the_estimate_less_the_usage(int used, int change) {
      TokenBucket tokens = TokenBucket.perMinute(12_000, clock);
      tokens.take(1_000);
      double before = tokens.level();

      tokens.giveBack(1_000 - used);

      assertThat(tokens.level()).isEqualTo(before + change);
    }

    @Test
    void giving_back_never_fills_past_the_burst() {
      TokenBucket requests = TokenBucket.perMinute(300, clock);
      requests.giveBack(100);

      assertThat(requests.level()).isEqualTo(2.5);
    }
  }

  @Nested
  class Tighten {
    @Test
    void nothing_left_until_the_reset_makes_the_next_call_wait_about_that_long() {
      TokenBucket requests = TokenBucket.perMinute(300, clock);

      requests.tighten(0, Duration.ofSeconds(10));

      assertThat(requests.waitFor(1))
          .isBetween(Duration.ofMillis(10_100), Duration.ofMillis(10_300));
    }

    @Test
    void a_server_that_has_more_room_than_the_bucket_changes_nothing() {
      TokenBucket requests = TokenBucket.perMinute(300, clock);

      requests.tighten(290, Duration.ofSeconds(1));

      assertThat(requests.level()).isEqualTo(2.5);
      assertThat(requests.waitFor(1)).isZero();
    }

    @Test
    void a_few_left_lowers_the_level_to_what_the_server_allows() {
      TokenBucket requests = TokenBucket.perMinute(300, clock);

      requests.tighten(1, Duration.ZERO);

      assertThat(requests.level()).isEqualTo(1.0);
    }
  }

  @Test
  void a_clock_set_back_does_not_refill() {
    TokenBucket requests = TokenBucket.perMinute(300, clock);
    requests.take(2.5);
    clock.advance(Duration.ofSeconds(-30));

    assertThat(requests.level()).isEqualTo(0.0);
  }
}
