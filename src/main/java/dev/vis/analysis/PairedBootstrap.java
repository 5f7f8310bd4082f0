package dev.vis.analysis;

/** The paired prompt bootstrap of one brand's change between two runs. */
final class PairedBootstrap {
  private PairedBootstrap() {}

  /**
   * The change from {@code base} to {@code now} (same prompt order), each resample drawing the same
   * prompts in both runs.
   *
   * @param thresholdPoints a drop must exceed this many percentage points
   * @param level the p-value must be below this
   */
  static BrandDelta delta(
      String brand,
      RateSeries base,
      RateSeries now,
      PromptResamples resamples,
      double thresholdPoints,
      double level) {
    int count = resamples.resamples();
    double[] deltas = new double[count];
    double[] bases = new double[count];
    double[] nows = new double[count];
    int noDrop = 0;
    for (int r = 0; r < count; r++) {
      int[] weights = resamples.counts(r);
      bases[r] = base.resampled(weights);
      nows[r] = now.resampled(weights);
      deltas[r] = nows[r] - bases[r];
      if (deltas[r] >= 0) {
        noDrop++;
      }
    }
    Proportion before = proportion(base, bases);
    Proportion after = proportion(now, nows);
    double delta = after.value() - before.value();
    // sorts deltas in place, as the detectable drop needs them
    double[] interval = PromptResamples.percentileInterval(deltas);
    double p = (1.0 + noDrop) / (1.0 + count);
    Verdict verdict =
        -delta * 100 > thresholdPoints
            ? p < level ? Verdict.DROP : Verdict.DROP_WITHIN_NOISE
            : Verdict.OK;
    return new BrandDelta(
        brand,
        verdict,
        before,
        after,
        delta,
        interval[0],
        interval[1],
        p,
        DetectableDrop.of(
            deltas,
            delta,
            resamples.counts(0).length,
            Math.hypot(DetectableDrop.binomialNoise(base), DetectableDrop.binomialNoise(now)),
            thresholdPoints / 100,
            level));
  }

  private static Proportion proportion(RateSeries series, double[] estimates) {
    long num = series.numerator();
    long den = series.denominator();
    double[] interval = PromptResamples.percentileInterval(estimates);
    return new Proportion(num, den, den == 0 ? 0 : (double) num / den, interval[0], interval[1]);
  }
}
