package dev.vis.analysis;

/**
 * One brand's change in mention rate between two consecutive runs of a trend, as the gate's paired
 * prompt bootstrap measures it.
 *
 * @param brand the brand
 * @param from the index of the older run in the trend
 * @param to the index of the newer run ({@code from + 1})
 * @param delta newer minus older, as a fraction, over the cells both runs share
 * @param low lower bound of the bootstrap's 95% interval of {@code delta}
 * @param high upper bound of that interval
 * @param pValue two-sided p-value of "no change"
 * @param real whether the change survives Holm's correction across every brand and step tested
 */
public record StepTest(
    String brand,
    int from,
    int to,
    double delta,
    double low,
    double high,
    double pValue,
    boolean real) {
  StepTest flagged(boolean survives) {
    return new StepTest(brand, from, to, delta, low, high, pValue, survives);
  }
}
