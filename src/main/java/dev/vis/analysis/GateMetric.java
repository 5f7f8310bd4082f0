package dev.vis.analysis;

/** The rate the regression gate compares. */
public enum GateMetric {
  /** Answers naming the brand / answers. */
  MENTION_RATE,
  /** Answers naming the brand / sum over the brands tracked in both runs of answers naming each. */
  SHARE_OF_VOICE
}
