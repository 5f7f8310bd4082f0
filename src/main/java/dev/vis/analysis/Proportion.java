package dev.vis.analysis;

/**
 * A rate with the counts it came from and its 95% interval.
 *
 * @param numerator the counted answers (or prompts)
 * @param denominator all answers (or prompts) of the cell
 * @param value numerator / denominator, 0 when the denominator is 0
 * @param low lower bound of the 95% interval
 * @param high upper bound of the 95% interval
 */
public record Proportion(long numerator, long denominator, double value, double low, double high) {}
