package dev.vis.analysis;

import java.util.OptionalDouble;

/**
 * One gated brand's change between a baseline and the current run, on the cells both share.
 *
 * @param brand the brand
 * @param verdict the gate's reading
 * @param baseline the rate in the baseline, with its prompt-bootstrap interval
 * @param current the rate in the current run, with its prompt-bootstrap interval
 * @param delta current minus baseline, as a fraction (-0.07 is a drop of 7 points)
 * @param low lower bound of the paired bootstrap 95% interval of {@code delta}
 * @param high upper bound of that interval
 * @param pValue one-sided p-value of "no drop": (1 + resamples where the delta is >= 0) / (1 +
 *     resamples); 1 for {@link Verdict#NO_DATA}
 * @param detectableDrop the smallest true drop, as a fraction, that the gate would catch with
 *     {@link #DETECTION_POWER} power from these runs' prompts and samples; empty for {@link
 *     Verdict#NO_DATA}, or when the resamples are too few for the per-brand alpha
 */
public record BrandDelta(
    String brand,
    Verdict verdict,
    Proportion baseline,
    Proportion current,
    double delta,
    double low,
    double high,
    double pValue,
    OptionalDouble detectableDrop) {
  /** The power at which {@link #detectableDrop()} is caught: 80%. */
  public static final double DETECTION_POWER = 0.8;
}
