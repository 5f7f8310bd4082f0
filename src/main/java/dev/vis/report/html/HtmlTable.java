package dev.vis.report.html;

import java.util.List;

/**
 * A table of the HTML page: complete without script; the inline script only sorts it, by each
 * cell's sort key.
 *
 * @param id the element id
 * @param caption what the table holds
 * @param columns the header cells
 * @param rows the body rows
 */
public record HtmlTable(String id, String caption, List<Column> columns, List<Row> rows) {
  public HtmlTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /**
   * A header cell.
   *
   * @param label its text
   * @param numeric whether its cells are numbers (right-aligned)
   */
  public record Column(String label, boolean numeric) {}

  /**
   * A body row.
   *
   * @param primary whether it is the primary brand's row (marked)
   * @param cells one per column
   */
  public record Row(boolean primary, List<Cell> cells) {
    public Row {
      cells = List.copyOf(cells);
    }
  }

  /**
   * A body cell.
   *
   * @param text what it shows
   * @param sortKey what the script sorts it by (a number for figures, -1 for no data)
   * @param numeric whether it is a number (right-aligned)
   * @param primary whether it names the primary brand (marked with a star)
   */
  public record Cell(String text, String sortKey, boolean numeric, boolean primary) {
    static Cell text(String text) {
      return new Cell(text, text, false, false);
    }

    static Cell brand(String name, boolean primary) {
      return new Cell(name, name, false, primary);
    }

    static Cell number(String text, double key) {
      return new Cell(text, ChartGeometry.format(key), true, false);
    }
  }
}
