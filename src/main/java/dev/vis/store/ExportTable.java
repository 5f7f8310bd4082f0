package dev.vis.store;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The exportable tables and their columns: a public interface, add freely, rename none. */
public enum ExportTable {
  RESPONSES(
      List.of(
          "run_id",
          "task_id",
          "prompt_id",
          "prompt",
          "model_id",
          "provider",
          "model",
          "sample",
          "status",
          "text",
          "error",
          "attempts",
          "latency_ms",
          "input_tokens",
          "output_tokens",
          "cost_usd",
          "grounded",
          "created_at",
          "searches",
          "finish_reason",
          "request_id")),
  MENTIONS(perTask("brand", "count", "position", "list_rank", "first_offset", "list", "rule")),
  CITATIONS(perTask("url", "domain", "brand", "kind"));

  private final List<String> columns;

  ExportTable(List<String> columns) {
    this.columns = columns;
  }

  public List<String> columns() {
    return columns;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The columns that name a row's task, then {@code rest}. */
  private static List<String> perTask(String... rest) {
    return Stream.concat(
            Stream.of("run_id", "task_id", "prompt_id", "model_id", "sample"), Stream.of(rest))
        .toList();
  }
}
