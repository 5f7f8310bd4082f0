package dev.vis.store;

import java.time.Instant;
import java.time.LocalDateTime;
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
    Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
    LocalDateTime t = LocalDateTime.ofEpochSecond(millis.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 0 || t.getYear() > 9999) {
      return FORMAT.format(millis); // the formatter's sign and width rules
    }
    // the writer stamps every answer, attempt and task: digits by hand cost a tenth of the
    // formatter
    char[] out = new char[24];
    digits(out, 0, t.getYear(), 4);
    out[4] = '-';
    digits(out, 5, t.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, t.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, t.getHour(), 2);
    out[13] = ':';
    digits(out, 14, t.getMinute(), 2);
    out[16] = ':';
    digits(out, 17, t.getSecond(), 2);
    out[19] = '.';
    digits(out, 20, millis.getNano() / 1_000_000, 3);
    out[23] = 'Z';
    return new String(out);
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  static Instant parse(String text) {
    return Instant.parse(text);
  }

  static Optional<Instant> parseNullable(String text) {
    return Optional.ofNullable(text).map(Instant::parse);
  }
}
