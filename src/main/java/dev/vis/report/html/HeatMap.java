package dev.vis.report.html;

import java.util.List;

/**
 * A grid of rates (model × brand): each cell's shade and printed figure give the rate, so colour is
 * never the only cue.
 *
 * @param id the element id
 * @param title the figure's caption
 * @param note a line under it
 * @param width the SVG's width
 * @param height the SVG's height
 * @param columns the brand headers
 * @param rows the model labels
 * @param cells every cell
 */
public record HeatMap(
    String id,
    String title,
    String note,
    int width,
    int height,
    List<Label> columns,
    List<Label> rows,
    List<Square> cells) {

  /**
   * A header or row label.
   *
   * @param x where it is anchored
   * @param y its baseline
   * @param text what it says (shortened when long)
   * @param full the whole name, shown on hover
   */
  public record Label(double x, double y, String text, String full) {}

  /**
   * One cell.
   *
   * @param x its left
   * @param y its top
   * @param width its width
   * @param height its height
   * @param opacity the shade, 0 to 1, of the rate
   * @param hasData false for "no data"
   * @param text the figure printed inside
   * @param dark whether the text must be white to read on the shade
   * @param tooltip model, brand and figure with its interval
   */
  public record Square(
      double x,
      double y,
      double width,
      double height,
      double opacity,
      boolean hasData,
      String text,
      boolean dark,
      String tooltip) {
    /** The cell's horizontal middle. */
    public double centerX() {
      return ChartGeometry.round(x + width / 2);
    }

    /** The baseline of its text. */
    public double textY() {
      return ChartGeometry.round(y + height / 2 + 4);
    }
  }
}
