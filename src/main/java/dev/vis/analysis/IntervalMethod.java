package dev.vis.analysis;

/** How a cell's 95% intervals were computed (SPEC §6, statistics). */
public enum IntervalMethod {
  /** Wilson score interval over answers: cells of one prompt. */
  WILSON,
  /** Percentile bootstrap resampling prompts: cells over several prompts. */
  PROMPT_BOOTSTRAP
}
