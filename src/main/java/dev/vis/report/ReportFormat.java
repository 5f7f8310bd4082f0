package dev.vis.report;

/** The formats {@code vis report --format} renders. */
public enum ReportFormat implements Choice {
  /** Markdown for people and {@code $GITHUB_STEP_SUMMARY}. */
  MD,
  /** Tidy long CSV, one row per cell, brand and metric. */
  CSV,
  /** One JSON document with every count, usable as a baseline. */
  JSON;

  /**
   * Parses {@code md}, {@code csv} or {@code json}, in any case.
   *
   * @throws dev.vis.VisException with exit code 2 for any other word
   */
  public static ReportFormat parse(String text) {
    return Choice.parse(ReportFormat.class, "--format", text);
  }
}
