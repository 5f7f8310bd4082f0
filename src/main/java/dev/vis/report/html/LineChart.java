package dev.vis.report.html;

import java.util.List;

/**
 * One brand's mention rate over runs: a line, its 95% interval as a band, the real changes in
 * orange and dashed rules where the models, the served model or the brand rules changed.
 *
 * @param id the element id
 * @param title the brand (a star before the primary brand)
 * @param width the SVG's width
 * @param height the SVG's height
 * @param plotLeft the plot's left edge
 * @param plotRight its right edge
 * @param band the interval band's polygon points, empty without data
 * @param line the line's points
 * @param fill the brand's colour
 * @param dots one per run with data
 * @param changes the real changes, as segments
 * @param markers the model and rule changes, as vertical rules
 * @param ticks the rate axis
 * @param runs the run axis labels
 */
public record LineChart(
    String id,
    String title,
    int width,
    int height,
    double plotLeft,
    double plotRight,
    String band,
    String line,
    String fill,
    List<Dot> dots,
    List<Change> changes,
    List<Rule> markers,
    List<Tick> ticks,
    List<Tick> runs) {

  /**
   * A run's point.
   *
   * @param x its x
   * @param y its y
   * @param tooltip run and figure
   */
  public record Dot(double x, double y, String tooltip) {}

  /**
   * A real change between two consecutive runs.
   *
   * @param x1 the older run's x
   * @param y1 its y
   * @param x2 the newer run's x
   * @param y2 its y
   * @param tooltip the change, its interval and p-value
   */
  public record Change(double x1, double y1, double x2, double y2, String tooltip) {}

  /**
   * A marker between two runs.
   *
   * @param x where it stands
   * @param top the plot's top
   * @param bottom the plot's bottom
   * @param tooltip what changed
   */
  public record Rule(double x, double top, double bottom, String tooltip) {}

  /**
   * An axis label.
   *
   * @param position its x (run axis) or y (rate axis)
   * @param label its text
   */
  public record Tick(double position, String label) {}
}
