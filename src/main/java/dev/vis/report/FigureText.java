package dev.vis.report;

import dev.vis.analysis.Proportion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How the markdown report writes rates, positions, money and durations; a figure without data is
 * {@link #NONE}, never a 0.
 */
public final class FigureText {
  public static final String NONE = "—";

  private FigureText() {}

  /** {@code 62.2% (55.1–68.9)}; {@link #NONE} without data. */
  public static String rateWithInterval(Proportion p) {
    if (!p.hasData()) {
      return NONE;
    }
    return percent(p.value())
        + " ("
        + oneDecimal(p.low() * 100)
        + "–"
        + oneDecimal(p.high() * 100)
        + ")";
  }

  /** {@code 62.2%}. */
  public static String percent(double fraction) {
    return oneDecimal(fraction * 100) + "%";
  }

  /** {@code 55/81}; {@link #NONE} without data. */
  public static String counts(Proportion p) {
    return p.hasData() ? p.numerator() + "/" + p.denominator() : NONE;
  }

  public static String position(OptionalDouble position) {
    return position.isPresent() ? oneDecimal(position.getAsDouble()) : NONE;
  }

  public static String oneDecimal(double value) {
    String text = String.format(Locale.ROOT, "%.1f", value);
    return text.equals("-0.0") ? "0.0" : text;
  }

  /** {@code $1.50}, {@code $0.0123}: at least cents, at most 6 decimals. */
  public static String usd(BigDecimal amount) {
    BigDecimal shown =
        amount.setScale(PlainNumber.DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
    if (shown.scale() < 2) {
      shown = shown.setScale(2, RoundingMode.UNNECESSARY);
    }
    return "$" + shown.toPlainString();
  }

  /** {@code 1h 02m 03s}, {@code 4m 05s}, {@code 6s}. */
  public static String duration(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    if (h > 0) {
      return String.format(Locale.ROOT, "%dh %02dm %02ds", h, m, s);
    }
    if (m > 0) {
      return String.format(Locale.ROOT, "%dm %02ds", m, s);
    }
    return s + "s";
  }

  /** {@code 1 answer}, {@code 3 answers}. */
  public static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** A change as signed percentage points: {@code +1.5 pp}, {@code −20.0 pp}. */
  public static String points(double fraction) {
    String text = oneDecimal(fraction * 100);
    return (text.startsWith("-") ? "−" + text.substring(1) : text.equals("0.0") ? text : "+" + text)
        + " pp";
  }

  /** A p-value: {@code 0.0123}, {@code < 0.001}. */
  public static String pValue(double p) {
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  /** {@code p = 0.123}, or {@code p < 0.001}: a p-value as a sentence states it. */
  public static String pStatement(double p) {
    return p < 0.001 ? "p < 0.001" : "p = " + pValue(p);
  }

  /** {@code 1st}, {@code 2nd}, {@code 3rd}, {@code 11th}. */
  public static String ordinal(int n) {
    int tens = n % 100;
    String suffix =
        tens >= 11 && tens <= 13
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }
}
