package dev.vis.report;

import java.util.ArrayList;
import java.util.List;

/** A GitHub markdown table whose cells are already escaped, cut to a row limit with a note. */
final class MarkdownTable {
  private final List<String> headers;
  private final List<Boolean> numeric;
  private final List<List<String>> rows = new ArrayList<>();

  /** Columns named by {@code headers}; the first is left-aligned, the others right-aligned. */
  MarkdownTable(List<String> headers) {
    this.headers = List.copyOf(headers);
    this.numeric = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      numeric.add(i > 0);
    }
  }

  /** Marks column {@code index} as text, aligned left. */
  MarkdownTable textColumn(int index) {
    numeric.set(index, false);
    return this;
  }

  void row(List<String> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException(
          cells.size() + " cells for " + headers.size() + " columns");
    }
    rows.add(List.copyOf(cells));
  }

  /**
   * Writes at most {@code maxRows} rows, then a note naming how many {@code rowNoun}s it left out.
   */
  void appendTo(StringBuilder out, int maxRows, String rowNoun) {
    line(out, headers);
    out.append('|');
    for (boolean right : numeric) {
      out.append(right ? "---:|" : "---|");
    }
    out.append('\n');
    int shown = Math.min(maxRows, rows.size());
    for (int i = 0; i < shown; i++) {
      line(out, rows.get(i));
    }
    if (shown < rows.size()) {
      out.append("\n_")
          .append(FigureText.count(rows.size() - shown, rowNoun))
          .append(
              " left out to keep this report short; the JSON and CSV reports have them all._\n");
    }
  }

  private static void line(StringBuilder out, List<String> cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(cell).append(" |");
    }
    out.append('\n');
  }
}
