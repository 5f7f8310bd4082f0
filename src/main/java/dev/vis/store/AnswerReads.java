package dev.vis.store;

import dev.vis.analysis.Citation;
import dev.vis.analysis.CitationKind;
import dev.vis.analysis.MatchRule;
import dev.vis.analysis.Mention;
import dev.vis.analysis.ScoredAnswer;
import dev.vis.analysis.SourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/** Reads answers and their analysis back for metrics and re-analysis. */
final class AnswerReads {
  private AnswerReads() {}

  /**
   * Streams a run's answered tasks with their mentions and citations, in task order: three ordered
   * cursors read side by side, so no more than one answer is held at a time.
   */
  static void forEachScored(Handle h, String runId, Consumer<ScoredAnswer> consumer) {
    try (TaskRows<Mention> mentions =
            new TaskRows<>(
                h.createQuery(
                        "SELECT m.task_id, m.brand, m.count, m.position, m.list_rank,"
                            + " m.first_offset, m.list, m.rule FROM mentions m"
                            + " JOIN tasks t ON t.id = m.task_id WHERE t.run_id = ?"
                            + " ORDER BY m.task_id, m.position")
                    .bind(0, runId)
                    .map(
                        (rs, ctx) ->
                            new TaskRows.Row<>(
                                rs.getLong(1),
                                new Mention(
                                    rs.getString(2),
                                    rs.getInt(3),
                                    rs.getInt(4),
                                    optionalInt(rs.getObject(5)),
                                    rs.getInt(6),
                                    optionalInt(rs.getObject(7)),
                                    rule(rs.getString(8)))))
                    .iterator());
        TaskRows<Citation> citations =
            new TaskRows<>(
                h.createQuery(
                        "SELECT c.task_id, c.url, c.domain, c.brand, c.kind FROM citations c"
                            + " JOIN tasks t ON t.id = c.task_id WHERE t.run_id = ?"
                            + " ORDER BY c.task_id, c.ord")
                    .bind(0, runId)
                    .map(
                        (rs, ctx) ->
                            new TaskRows.Row<>(
                                rs.getLong(1),
                                new Citation(
                                    rs.getString(2),
                                    rs.getString(3),
                                    Optional.ofNullable(rs.getString(4)),
                                    kind(rs.getString(5)))))
                    .iterator())) {
      h.createQuery(
              "SELECT t.id, t.prompt_id, t.model_id, a.grounded FROM tasks t"
                  + " JOIN answers a ON a.id = t.answer_id"
                  + " WHERE t.run_id = ? AND t.status = 'ok' ORDER BY t.id")
          .bind(0, runId)
          .map(
              (rs, ctx) -> {
                long task = rs.getLong(1);
                return new ScoredAnswer(
                    rs.getString(2),
                    rs.getString(3),
                    mentions.of(task),
                    citations.of(task),
                    rs.getInt(4) != 0);
              })
          .forEach(consumer);
    }
  }

  static List<ServedModel> servedModels(Handle h, String runId) {
    return h.createQuery(
            """
            SELECT t.model_id, a.served_model, count(*) FROM tasks t
            JOIN answers a ON a.id = t.answer_id
            JOIN run_models m ON m.run_id = t.run_id AND m.model_id = t.model_id
            WHERE t.run_id = ? AND t.status = 'ok'
            GROUP BY m.ord, t.model_id, a.served_model
            ORDER BY m.ord, count(*) DESC, coalesce(a.served_model, '')
            """)
        .bind(0, runId)
        .map(
            (rs, ctx) ->
                new ServedModel(
                    rs.getString(1), Optional.ofNullable(rs.getString(2)), rs.getLong(3)))
        .list();
  }

  static void forEachText(Handle h, String runId, Consumer<String> consumer) {
    h.createQuery(
            "SELECT a.text FROM tasks t JOIN answers a ON a.id = t.answer_id"
                + " WHERE t.run_id = ? AND t.status = 'ok' ORDER BY t.id")
        .bind(0, runId)
        .map((rs, ctx) -> rs.getString(1))
        .forEach(consumer);
  }

  static void forEachAnswer(Handle h, String runId, Consumer<StoredAnswer> consumer) {
    Map<Long, List<SourceRef>> sources = new HashMap<>();
    h.createQuery(
            "SELECT s.answer_id, s.url, s.title, s.kind FROM answer_sources s"
                + " JOIN tasks t ON t.answer_id = s.answer_id WHERE t.run_id = ? ORDER BY s.answer_id, s.ord")
        .bind(0, runId)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getLong(1),
                    new SourceRef(
                        rs.getString(2),
                        Optional.ofNullable(rs.getString(3)),
                        kind(rs.getString(4)))))
        .forEach(
            e -> sources.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    h.createQuery(
            // call order, which the run's index holds: ordering by id sorted every text apart
            "SELECT t.id, a.id, a.text, t.prompt_id, t.model_id, a.grounded FROM tasks t"
                + " JOIN answers a ON a.id = t.answer_id"
                + " WHERE t.run_id = ? AND t.status = 'ok' ORDER BY t.seq, t.id")
        .bind(0, runId)
        .map(
            (rs, ctx) ->
                new StoredAnswer(
                    rs.getLong(1),
                    rs.getString(3),
                    sources.getOrDefault(rs.getLong(2), List.of()),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getInt(6) != 0))
        .forEach(consumer);
  }

  private static OptionalInt optionalInt(Object column) {
    return column == null ? OptionalInt.empty() : OptionalInt.of(((Number) column).intValue());
  }

  /** Runs analysed before matching rules v2 stored no rule: their terms were names and aliases. */
  private static MatchRule rule(String label) {
    return label == null ? MatchRule.NAME : MatchRule.valueOf(label.toUpperCase(Locale.ROOT));
  }

  private static CitationKind kind(String label) {
    return CitationKind.valueOf(label.toUpperCase(Locale.ROOT));
  }
}
