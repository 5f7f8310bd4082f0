package dev.vis.report;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes RFC 4180 CSV (CRLF line ends, quotes only where needed) that no spreadsheet runs as a
 * formula: a text cell starting with {@code = + - @}, tab or CR that is not a number gets a {@code
 * '} prefix.
 *
 * <p>Cells are written as text: null and empty optionals as an empty cell, numbers with {@code
 * Locale.ROOT} and no exponent (doubles rounded to 6 decimals), anything else by {@code
 * toString()}. Not thread-safe.
 */
public final class CsvWriter implements Closeable, Flushable {
  private static final String LINE_END = "\r\n";
  private static final String FORMULA_STARTS = "=+-@\t\r";
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  private final Writer out;
  private final StringBuilder line = new StringBuilder(256);

  /** A writer over {@code out}, which it closes when closed. */
  public CsvWriter(Writer out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Writes one record. */
  public void row(List<?> cells) throws IOException {
    line.setLength(0);
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      appendQuoted(line, text(cells.get(i)));
    }
    line.append(LINE_END);
    out.write(line.toString());
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Flushes and closes the underlying writer. */
  @Override
  public void close() throws IOException {
    out.close();
  }

  /** The text of one cell before quoting, formula protection applied. */
  static String text(Object value) {
    Object v = CellValue.unwrap(value);
    String text =
        switch (v) {
          case null -> "";
          case Number n -> PlainNumber.text(n);
          default -> v.toString();
        };
    return isFormula(text) ? "'" + text : text;
  }

  private static boolean isFormula(String text) {
    return !text.isEmpty()
        && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0
        && !NUMBER.matcher(text).matches();
  }

  private static void appendQuoted(StringBuilder line, String text) {
    boolean quote = false;
    for (int i = 0; i < text.length() && !quote; i++) {
      char c = text.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    if (!quote) {
      line.append(text);
      return;
    }
    line.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      line.append(c);
      if (c == '"') {
        line.append('"');
      }
    }
    line.append('"');
  }
}
