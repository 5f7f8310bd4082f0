package dev.vis.report.html;

import java.util.List;

/**
 * A horizontal bar chart in SVG coordinates, optionally with interval whiskers.
 *
 * @param id the element id
 * @param title the figure's caption
 * @param note a line under it (what the whiskers mean, what was left out)
 * @param width the SVG's width
 * @param height the SVG's height
 * @param plotLeft where bars start
 * @param plotTop top of the plot area
 * @param plotBottom bottom of the plot area
 * @param ticks the axis labels
 * @param bars one per row, top to bottom
 */
public record BarChart(
    String id,
    String title,
    String note,
    int width,
    int height,
    double plotLeft,
    double plotTop,
    double plotBottom,
    List<Tick> ticks,
    List<Bar> bars) {

  /**
   * One bar.
   *
   * @param label the row's name (a star before the primary brand)
   * @param tooltip the full figure, shown on hover
   * @param y the bar's top
   * @param barHeight its height
   * @param barWidth its length; 0 without data
   * @param fill its colour
   * @param hasData false for "no data", drawn as text instead of a bar
   * @param whisker whether it has an interval
   * @param low the interval's left end
   * @param high its right end
   * @param value the figure written beside it
   * @param valueX where that figure starts
   */
  public record Bar(
      String label,
      String tooltip,
      double y,
      double barHeight,
      double barWidth,
      String fill,
      boolean hasData,
      boolean whisker,
      double low,
      double high,
      String value,
      double valueX) {
    /** The vertical middle of the bar. */
    public double middle() {
      return ChartGeometry.round(y + barHeight / 2);
    }
  }

  /**
   * An axis label with its grid line.
   *
   * @param x where it sits
   * @param label its text
   */
  public record Tick(double x, String label) {}
}
