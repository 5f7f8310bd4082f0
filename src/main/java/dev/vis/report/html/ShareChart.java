package dev.vis.report.html;

import java.util.List;

/**
 * Stacked horizontal bars: each row splits 100% among brands (share of voice per model).
 *
 * @param id the element id
 * @param title the figure's caption
 * @param note a line under it
 * @param width the SVG's width
 * @param height the SVG's height
 * @param rows one per model
 * @param legend which colour is which brand, in stacking order
 */
public record ShareChart(
    String id,
    String title,
    String note,
    int width,
    int height,
    List<Row> rows,
    List<LegendItem> legend) {

  /**
   * One stacked bar.
   *
   * @param label the row's name
   * @param y its top
   * @param hasData false when no answer names any tracked brand
   * @param segments its parts, left to right
   */
  public record Row(String label, double y, boolean hasData, List<Segment> segments) {
    public Row {
      segments = List.copyOf(segments);
    }
  }

  /**
   * One brand's part of a bar.
   *
   * @param x its left
   * @param width its length
   * @param fill its colour
   * @param tooltip brand and share, shown on hover
   * @param label the share written inside when there is room, else empty
   */
  public record Segment(double x, double width, String fill, String tooltip, String label) {}

  /**
   * A legend entry, drawn below the bars.
   *
   * @param x its left
   * @param y its baseline
   * @param fill its colour
   * @param name the brand
   */
  public record LegendItem(double x, double y, String fill, String name) {}
}
