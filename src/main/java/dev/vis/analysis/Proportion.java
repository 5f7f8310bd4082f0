package dev.vis.analysis;

/**
 * A rate with the counts it came from and its 95% interval.
 *
 * <p>A rate over nothing (denominator 0) is no data, not a rate of 0: its value and bounds are 0
 * only as placeholders, and reports show it as "no data" ({@link #hasData()}).
 *
 * @param numerator the counted answers (or prompts)
 * @param denominator all answers (or prompts) of the cell
 * @param value numerator / denominator, 0 when the denominator is 0
 * @param low lower bound of the 95% interval
 * @param high upper bound of the 95% interval
 */
public record Proportion(long numerator, long denominator, double value, double low, double high) {
  private static final Proportion NONE = new Proportion(0, 0, 0, 0, 0);

  /** The rate over nothing: no data. */
  public static Proportion none() {
    return NONE;
  }

  /** Whether the rate was measured over anything: false when its denominator is 0. */
  public boolean hasData() {
    return denominator > 0;
  }
}
