package dev.vis.report;

/** The formats {@code vis export --format} streams. */
public enum ExportFormat implements Choice {
  /** One JSON object per row: lossless. */
  JSONL,
  /** RFC 4180 CSV with formula protection. */
  CSV;

  /**
   * Parses {@code jsonl} or {@code csv}, in any case.
   *
   * @throws dev.vis.VisException with exit code 2 for any other word
   */
  public static ExportFormat parse(String text) {
    return Choice.parse(ExportFormat.class, "--format", text);
  }
}
