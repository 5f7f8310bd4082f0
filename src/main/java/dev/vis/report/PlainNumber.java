package dev.vis.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Decimal text that every locale and spreadsheet reads alike: no exponent, at most 6 decimals. */
final class PlainNumber {
  static final int DECIMALS = 6;

  private PlainNumber() {}

  /** A finite double rounded half-up to 6 decimals, without trailing zeros or negative zero. */
  static BigDecimal rounded(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    BigDecimal rounded =
        BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.signum() == 0 ? BigDecimal.ZERO : rounded;
  }

  /** {@link #rounded} as text, e.g. {@code 0.622222} or {@code 12}. */
  static String text(double value) {
    return rounded(value).toPlainString();
  }

  /** Any number as plain text: doubles and floats rounded, integers and big decimals exact. */
  static String text(Number number) {
    return switch (number) {
      case Double d -> text(d.doubleValue());
      case Float f -> text(f.doubleValue());
      case BigDecimal b -> b.toPlainString();
      default -> number.toString();
    };
  }
}
