package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.engine.FakeClock;
import dev.vis.engine.ProgressSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  final StringWriter text = new StringWriter();
  final FakeClock clock = new FakeClock();

  ProgressPrinter printer(ProgressMode mode, boolean terminal) {
    return new ProgressPrinter(new PrintWriter(text, true), mode, terminal, clock);
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
