package dev.vis.report;

import java.util.List;

/** The tables {@code vis export --table} streams, with their public column names (SPEC §3). */
public enum ExportTable {
  /** One row per task. */
  RESPONSES(
      List.of(
          "run_id", "task_id", "prompt_id", "prompt", "model_id", "provider", "model", "sample",
          "status", "text", "error", "attempts", "latency_ms", "input_tokens", "output_tokens",
          "cost_usd", "grounded", "created_at")),
  /** One row per (answer, brand it mentions). */
  MENTIONS(
      List.of(
          "run_id", "task_id", "prompt_id", "model_id", "sample", "brand", "count", "position",
          "list_rank", "first_offset")),
  /** One row per (answer, distinct URL). */
  CITATIONS(
      List.of(
          "run_id", "task_id", "prompt_id", "model_id", "sample", "url", "domain", "brand",
          "kind"));

  private final List<String> columns;

  ExportTable(List<String> columns) {
    this.columns = columns;
  }

  /** The column names, in order: a public interface, so columns are added, never renamed. */
  public List<String> columns() {
    return columns;
  }

  /** The lower-case word of the command line ({@code responses}, …). */
  public String label() {
    return Choice.label(this);
  }

  /**
   * Parses {@code responses}, {@code mentions} or {@code citations}, in any case.
   *
   * @throws dev.vis.VisException with exit code 2 for any other word
   */
  public static ExportTable parse(String text) {
    return Choice.parse(ExportTable.class, "--table", text);
  }
}
