package dev.vis.analysis;

/** The gate's reading of one brand's change. */
public enum Verdict {
  /** Dropped by more than the threshold and p < alpha / k: fails the gate. */
  DROP,
  /** Dropped by more than the threshold, but within sampling noise (p >= alpha / k). */
  DROP_WITHIN_NOISE,
  /** Did not drop by more than the threshold. */
  OK,
  /** Not comparable: the brand is missing from a run, or the runs share no answered cell. */
  NO_DATA
}
