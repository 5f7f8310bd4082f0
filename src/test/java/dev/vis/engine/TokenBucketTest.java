package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

  /** Takes from whichever bucket allows first, for {@code span}; when each call passed. */
  private List<Instant> drainAll(List<TokenBucket> buckets, Duration span) {
    Instant end = clock.instant().plus(span);
    List<Instant> passed = new ArrayList<>();
    while (clock.instant().isBefore(end)) {
      Duration wait = Duration.ofDays(1);
      for (TokenBucket bucket : buckets) {
        Duration w = bucket.waitFor(1);
        if (w.isZero()) {
          bucket.take(1);
          passed.add(clock.instant());
        }
        wait = w.compareTo(wait) < 0 ? w : wait;
      }
      if (!wait.isZero()) {
        clock.advance(wait);
      }
    }
    return passed;
  }

  /**
   * Takes one whenever the bucket allows, for {@code span} of fake time; returns when each passed.
   */
  private List<Instant> drain(TokenBucket bucket, Duration span) {
    return drainAll(List.of(bucket), span);
  }

  /** No {@code limit} calls of {@code passed} fall within one minute. */
  private static void assertAtMostPerMinute(List<Instant> passed, int limit) {
    for (int i = limit; i < passed.size(); i++) {
      assertThat(Duration.between(passed.get(i - limit), passed.get(i)))
          .as("request %d and the one %d before it", i, limit)
          .isGreaterThan(Duration.ofSeconds(60));
    }
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

      assertAtMostPerMinute(passed, 300);
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

  /** Workers that share a run each keep a share of the limit (SPEC §8). */
  @Nested
  class Share {
    private List<TokenBucket> three(long limit) {
      List<TokenBucket> buckets =
          List.of(
              TokenBucket.perMinute(limit, clock),
              TokenBucket.perMinute(limit, clock),
              TokenBucket.perMinute(limit, clock));
      buckets.forEach(b -> b.share(3));
      return buckets;
    }

    @Test
    void three_thirds_together_stay_within_the_limit_in_any_sliding_60_s_window() {
      List<Instant> passed = drainAll(three(600), Duration.ofMinutes(5));

      assertAtMostPerMinute(passed, 600);
    }

    @Test
    void three_thirds_together_keep_at_least_97_percent_of_the_limit() {
      List<Instant> passed = drainAll(three(600), Duration.ofMinutes(10));

      assertThat(passed.size()).isBetween(5_820, 6_000);
    }

    /**
     * Workers join and one dies, re-dividing as {@link WorkerShare} does: a newcomer calls only
     * once the others keep the smaller share; a dead worker's share comes back after the lease.
     */
    @Test
    void workers_that_join_and_die_stay_within_the_limit_and_use_at_least_95_percent_of_it() {
      Instant start = clock.instant();
      TokenBucket a = TokenBucket.perMinute(600, clock);
      TokenBucket b = TokenBucket.perMinute(600, clock);
      TokenBucket c = TokenBucket.perMinute(600, clock);
      List<Instant> passed = new ArrayList<>();
      passed.addAll(drainAll(List.of(a), Duration.ofSeconds(21)));
      a.share(2); // a's next beat sees b, which waited for it
      b.share(2);
      passed.addAll(drainAll(List.of(a, b), Duration.ofSeconds(20)));
      a.share(3);
      b.share(3);
      c.share(3);
      passed.addAll(drainAll(List.of(a, b, c), Duration.ofSeconds(40)));
      // b is killed: a and c keep a third each until its heartbeat is a lease old
      passed.addAll(drainAll(List.of(a, c), Duration.ofSeconds(60)));
      a.share(2);
      c.share(2);
      passed.addAll(drainAll(List.of(a, c), Duration.ofSeconds(60)));

      assertAtMostPerMinute(passed, 600);
      assertThat(between(passed, start, start.plusSeconds(81)))
          .as("while every worker is live")
          .isGreaterThanOrEqualTo((int) (0.95 * 810));
      assertThat(between(passed, start.plusSeconds(141), start.plusSeconds(201)))
          .as("once the dead worker's share came back")
          .isGreaterThanOrEqualTo((int) (0.95 * 600));
    }

    private static long between(List<Instant> passed, Instant from, Instant to) {
      return passed.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
    }

    @Test
    void a_worker_that_stalled_fires_no_more_than_half_a_second_of_its_share_at_once() {
      TokenBucket requests = TokenBucket.perMinute(600, clock);
      requests.share(3);
      clock.advance(Duration.ofMinutes(5));

      int immediate = 0;
      while (requests.waitFor(1).isZero()) {
        requests.take(1);
        immediate++;
      }

      assertThat(immediate).as("200 a minute: 1.67 in half a second").isEqualTo(1);
    }

    @Test
    void a_smaller_share_cuts_what_the_bucket_holds_at_once() {
      TokenBucket requests = TokenBucket.perMinute(600, clock);
      assertThat(requests.level()).isEqualTo(5.0);

      requests.share(3);

      assertThat(requests.level()).isCloseTo(1.667, within(0.001));
    }

    @Test
    void a_share_back_to_the_whole_limit_refills_faster_but_from_where_it_was() {
      TokenBucket requests = TokenBucket.perMinute(600, clock);
      requests.share(2);
      requests.take(2.5);

      requests.share(1);

      assertThat(requests.level()).isEqualTo(0.0);
      clock.advance(Duration.ofMillis(200));
      assertThat(requests.level()).isCloseTo(0.2 * 595 / 60.5, within(0.01));
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
