package dev.vis.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/** Streams export rows straight from a cursor: constant memory whatever the run's size. */
final class ExportQueries {
  private static final String RESPONSES =
      """
      SELECT t.run_id, t.id, t.prompt_id, p.text, t.model_id, m.provider, m.model, t.sample,
             t.status, a.text, t.error, t.attempts, a.latency_ms, a.input_tokens, a.output_tokens,
             a.cost_usd, a.grounded, coalesce(a.created_at, t.updated_at), a.searches,
             a.finish_reason, a.request_id, a.served_model
      FROM tasks t
      JOIN run_prompts p ON p.run_id = t.run_id AND p.prompt_id = t.prompt_id
      JOIN run_models m ON m.run_id = t.run_id AND m.model_id = t.model_id
      LEFT JOIN answers a ON a.id = t.answer_id
      WHERE t.run_id = ? ORDER BY t.id
      """;
  private static final String MENTIONS =
      """
      SELECT t.run_id, t.id, t.prompt_id, t.model_id, t.sample, x.brand, x.count, x.position,
             x.list_rank, x.first_offset, x.list, x.rule
      FROM mentions x JOIN tasks t ON t.id = x.task_id
      WHERE t.run_id = ? ORDER BY t.id, x.position
      """;
  private static final String CITATIONS =
      """
      SELECT t.run_id, t.id, t.prompt_id, t.model_id, t.sample, x.url, x.domain, x.brand, x.kind
      FROM citations x JOIN tasks t ON t.id = x.task_id
      WHERE t.run_id = ? ORDER BY t.id, x.ord
      """;

  private ExportQueries() {}

  static void stream(Handle h, String runId, ExportTable table, Consumer<List<Object>> row) {
    String sql =
        switch (table) {
          case RESPONSES -> RESPONSES;
          case MENTIONS -> MENTIONS;
          case CITATIONS -> CITATIONS;
        };
    int width = table.columns().size();
    h.createQuery(sql).bind(0, runId).map((rs, ctx) -> values(rs, width, table)).forEach(row);
  }

  private static List<Object> values(ResultSet rs, int width, ExportTable table)
      throws SQLException {
    List<Object> values = new ArrayList<>(width);
    for (int i = 1; i <= width; i++) {
      Object value = rs.getObject(i);
      if (table == ExportTable.RESPONSES && i == 17 && value != null) {
        value = rs.getInt(i) != 0;
      }
      values.add(value);
    }
    return values;
  }
}
