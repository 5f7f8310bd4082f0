package dev.vis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static final DateTimeFormatter PATTERN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void writes_what_the_pattern_writes_for_any_instant() {
    SplittableRandom random = new SplittableRandom(15);
    long max = Instant.parse("9999-12-31T23:59:59.999999999Z").getEpochSecond();
    for (int i = 0; i < 10_000; i++) {
      Instant at =
          Instant.ofEpochSecond(random.nextLong(0, max + 1), random.nextInt(1_000_000_000));
      assertThat(Timestamps.format(at))
          .isEqualTo(PATTERN.format(at.truncatedTo(ChronoUnit.MILLIS)));
    }
  }

  @Test
  void writes_the_edges_of_the_four_digit_years_and_beyond_them() {
    for (String text :
        new String[] {
          "1970-01-01T00:00:00Z",
          "0000-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999999Z",
          "+10000-01-01T00:00:00.001Z",
          "-0001-12-31T23:59:59.5Z",
          "2026-02-28T09:05:03.040900Z"
        }) {
      Instant at = Instant.parse(text);
      assertThat(Timestamps.format(at))
          .as(text)
          .isEqualTo(PATTERN.format(at.truncatedTo(ChronoUnit.MILLIS)));
    }
    assertThat(Timestamps.format(Instant.parse("2026-02-28T09:05:03.0409Z")))
        .isEqualTo("2026-02-28T09:05:03.040Z");
  }
}
