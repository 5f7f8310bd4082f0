package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.vis.engine.FakeClock;
import dev.vis.engine.ProgressSnapshot;
import dev.vis.engine.Sleeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  final StringWriter text = new StringWriter();
  final FakeClock clock = new FakeClock();

  ProgressPrinter printer(ProgressMode mode, boolean terminal) {
    return new ProgressPrinter(
        new PrintWriter(text, true), mode, terminal, clock, d -> fail("the ticker is not started"));
  }

  /** A sleeper the test wakes by hand: each wait is announced, then held until woken. */
  static final class HandSleeper implements Sleeper {
    final BlockingQueue<Duration> asleep = new LinkedBlockingQueue<>();
    final BlockingQueue<Boolean> wake = new LinkedBlockingQueue<>();

    @Override
    public void sleep(Duration d) throws InterruptedException {
      asleep.put(d);
      wake.take();
    }

    /** Waits until the ticker sleeps again, so what it did before is done. */
    Duration nextSleep() throws InterruptedException {
      Duration d = asleep.poll(10, TimeUnit.SECONDS);
      assertThat(d).as("the ticker went to sleep").isNotNull();
      return d;
    }
  }

  @Test
  void the_ticker_draws_a_line_each_time_its_sleeper_wakes_it_and_ends_at_stop() throws Exception {
    HandSleeper sleeper = new HandSleeper();
    ProgressPrinter p =
        new ProgressPrinter(new PrintWriter(text, true), ProgressMode.AUTO, true, clock, sleeper);
    p.begin(10);
    p.startTicker();
    assertThat(sleeper.nextSleep()).isEqualTo(ProgressPrinter.LIVE_EVERY);
    assertThat(text.toString()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    p.update(new ProgressSnapshot(1, 0, 0, 0, 1, BigDecimal.ZERO));
    sleeper.wake.put(true);
    assertThat(sleeper.nextSleep()).isEqualTo(ProgressPrinter.LIVE_EVERY);
    assertThat(text.toString())
        .isEqualTo("\r\033[K1/10 done, 1 ok, 0 failed, 0 retrying, 1.0 calls/s, $0.0000, ETA 9s");
    p.stop();
    assertThat(text.toString()).endsWith("ETA 9s\r\033[K");
    assertThat(sleeper.asleep).as("no tick after stop").isEmpty();
  }

  @Nested
  class NotOnATerminal {
    @Test
    void prints_a_plain_line_every_30_seconds_and_no_more_often() {
      ProgressPrinter p = printer(ProgressMode.AUTO, false);
      p.begin(100);
      p.update(new ProgressSnapshot(8, 2, 3, 1, 13, new BigDecimal("0.01234")));
      clock.advance(Duration.ofSeconds(29));
      p.tick();
      assertThat(text.toString()).isEmpty();
      clock.advance(Duration.ofSeconds(1));
      p.tick();
      p.tick();
      clock.advance(Duration.ofSeconds(10));
      p.tick();
      assertThat(text.toString())
          .isEqualTo(
              "10/100 done, 8 ok, 2 failed, 1 retrying, 0.4 calls/s, $0.0123, ETA 4m30s"
                  + System.lineSeparator());
      clock.advance(Duration.ofSeconds(20));
      p.tick();
      assertThat(text.toString().lines()).hasSize(2);
      assertThat(text.toString()).doesNotContain("\r", "\033");
    }

    @Test
    void plain_mode_prints_plain_lines_on_a_terminal_too() {
      ProgressPrinter p = printer(ProgressMode.PLAIN, true);
      p.begin(4);
      clock.advance(Duration.ofSeconds(30));
      p.tick();
      assertThat(text.toString()).startsWith("0/4 done").doesNotContain("\r");
    }
  }

  @Nested
  class OnATerminal {
    @Test
    void redraws_one_line_in_place_and_clears_it_at_the_end() {
      ProgressPrinter p = printer(ProgressMode.AUTO, true);
      p.begin(10);
      clock.advance(Duration.ofSeconds(1));
      p.update(new ProgressSnapshot(1, 0, 0, 0, 1, BigDecimal.ZERO));
      p.tick();
      clock.advance(Duration.ofSeconds(1));
      p.update(new ProgressSnapshot(2, 0, 0, 0, 2, BigDecimal.ZERO));
      p.tick();
      p.stop();
      assertThat(text.toString())
          .isEqualTo(
              "\r\033[K1/10 done, 1 ok, 0 failed, 0 retrying, 1.0 calls/s, $0.0000, ETA 9s"
                  + "\r\033[K2/10 done, 2 ok, 0 failed, 0 retrying, 1.0 calls/s, $0.0000, ETA 8s"
                  + "\r\033[K");
    }
  }

  @Test
  void none_and_quiet_print_nothing() {
    ProgressPrinter p = printer(ProgressMode.NONE, true);
    p.start("01RUN");
    p.begin(10);
    clock.advance(Duration.ofMinutes(5));
    p.tick();
    p.stop();
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void eta_reads_in_hours_and_minutes_when_long() {
    assertThat(ProgressPrinter.formatSeconds(59)).isEqualTo("59s");
    assertThat(ProgressPrinter.formatSeconds(61)).isEqualTo("1m01s");
    assertThat(ProgressPrinter.formatSeconds(3 * 3600 + 5 * 60)).isEqualTo("3h05m");
  }
}
