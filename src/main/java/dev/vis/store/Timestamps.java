package dev.vis.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** RFC 3339 UTC timestamps with fixed millisecond precision, so stored text sorts as time. */
public final class Timestamps {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static String format(Instant instant) {
    return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  static Instant parse(String text) {
    return Instant.parse(text);
  }

  static Optional<Instant> parseNullable(String text) {
    return Optional.ofNullable(text).map(Instant::parse);
  }
}
