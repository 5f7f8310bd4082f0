package dev.vis.store;

import dev.vis.analysis.AnswerAnalysis;
import dev.vis.analysis.Citation;
import dev.vis.analysis.CitationKind;
import dev.vis.analysis.MatchRule;
import dev.vis.analysis.Mention;
import dev.vis.analysis.SourceRef;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Reads a run's tasks with everything stored for them, a page of tasks at a time, so a copy of a
 * run of any size holds one page in memory.
 */
final class RecordedTaskReads {
  /** Tasks per page: each page costs six queries, whatever the run's size. */
  static final int PAGE = 500;

  private static final String IN_PAGE = " WHERE t.run_id = :run AND t.id BETWEEN :first AND :last";

  private RecordedTaskReads() {}

  static void forEach(Handle h, String runId, Consumer<RecordedTask> consumer) {
    long after = 0;
    while (true) {
      List<Row> page =
          h.createQuery(
                  "SELECT id, seq, prompt_id, model_id, sample, status, attempts, error,"
                      + " updated_at FROM tasks WHERE run_id = ? AND id > ? ORDER BY id LIMIT ?")
              .bind(0, runId)
              .bind(1, after)
              .bind(2, PAGE)
              .map(
                  (rs, ctx) ->
                      new Row(
                          rs.getLong(1),
                          new NewTask(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                          rs.getString(6),
                          rs.getInt(7),
                          Optional.ofNullable(rs.getString(8)),
                          rs.getString(9)))
              .list();
      if (page.isEmpty()) {
        return;
      }
      Page p = new Page(h, runId, page.getFirst().id, page.getLast().id);
      Map<Long, List<SourceRef>> sources =
          p.grouped(
              "SELECT t.id, s.url, s.title, s.kind FROM answer_sources s"
                  + " JOIN tasks t ON t.answer_id = s.answer_id"
                  + IN_PAGE
                  + " ORDER BY t.id, s.ord",
              (rs, ctx) ->
                  new SourceRef(
                      rs.getString(2),
                      Optional.ofNullable(rs.getString(3)),
                      kind(rs.getString(4))));
      Map<Long, AnswerRecord> answers = new HashMap<>();
      h.createQuery(
              """
              SELECT t.id, a.text, a.raw_body, a.http_status, a.finish_reason, a.request_id,
                a.input_tokens, a.output_tokens, a.cost_usd, a.price_input, a.price_output,
                a.latency_ms, a.grounded, a.created_at, a.searches, a.price_search, a.served_model
              FROM tasks t JOIN answers a ON a.id = t.answer_id
              """
                  + IN_PAGE)
          .bind("run", runId)
          .bind("first", p.first)
          .bind("last", p.last)
          .map((rs, ctx) -> Map.entry(rs.getLong(1), answer(rs, sources)))
          .forEach(e -> answers.put(e.getKey(), e.getValue()));
      Map<Long, List<AttemptRecord>> attempts =
          p.grouped(
              "SELECT t.id, x.attempt, x.started_at, x.latency_ms, x.http_status, x.outcome,"
                  + " x.error, x.raw_body FROM attempts x JOIN tasks t ON t.id = x.task_id"
                  + IN_PAGE
                  + " ORDER BY t.id, x.id",
              (rs, ctx) ->
                  new AttemptRecord(
                      rs.getInt(2),
                      Timestamps.parse(rs.getString(3)),
                      rs.getLong(4),
                      rs.getObject(5) == null ? OptionalInt.empty() : OptionalInt.of(rs.getInt(5)),
                      AttemptOutcome.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)),
                      Optional.ofNullable(rs.getString(7)),
                      Optional.ofNullable(rs.getString(8))));
      Map<Long, List<Mention>> mentions =
          p.grouped(
              "SELECT t.id, x.brand, x.count, x.position, x.list_rank, x.first_offset, x.list,"
                  + " x.rule FROM mentions x JOIN tasks t ON t.id = x.task_id"
                  + IN_PAGE
                  + " ORDER BY t.id, x.position",
              (rs, ctx) ->
                  new Mention(
                      rs.getString(2),
                      rs.getInt(3),
                      rs.getInt(4),
                      optionalInt(rs, 5),
                      rs.getInt(6),
                      optionalInt(rs, 7),
                      rs.getString(8) == null
                          ? MatchRule.NAME
                          : MatchRule.valueOf(rs.getString(8).toUpperCase(Locale.ROOT))));
      Map<Long, List<Citation>> citations =
          p.grouped(
              "SELECT t.id, x.url, x.domain, x.brand, x.kind FROM citations x"
                  + " JOIN tasks t ON t.id = x.task_id"
                  + IN_PAGE
                  + " ORDER BY t.id, x.ord",
              (rs, ctx) ->
                  new Citation(
                      rs.getString(2),
                      rs.getString(3),
                      Optional.ofNullable(rs.getString(4)),
                      kind(rs.getString(5))));
      for (Row row : page) {
        consumer.accept(
            new RecordedTask(
                row.task,
                row.status,
                row.attemptCount,
                row.error,
                Timestamps.parse(row.updatedAt),
                attempts.getOrDefault(row.id, List.of()),
                Optional.ofNullable(answers.get(row.id)),
                new AnswerAnalysis(
                    mentions.getOrDefault(row.id, List.of()),
                    citations.getOrDefault(row.id, List.of()))));
      }
      after = page.getLast().id;
    }
  }

  private static AnswerRecord answer(ResultSet rs, Map<Long, List<SourceRef>> sources)
      throws SQLException {
    return new AnswerRecord(
        rs.getString(2),
        rs.getString(3),
        rs.getInt(4),
        Optional.ofNullable(rs.getString(5)),
        Optional.ofNullable(rs.getString(6)),
        rs.getObject(7) == null ? OptionalLong.empty() : OptionalLong.of(rs.getLong(7)),
        rs.getObject(8) == null ? OptionalLong.empty() : OptionalLong.of(rs.getLong(8)),
        rs.getObject(9) == null
            ? Optional.empty()
            : Optional.of(BigDecimal.valueOf(rs.getDouble(9))),
        StoredRunReader.price(rs.getString(10), rs.getString(11), rs.getString(16)),
        rs.getLong(12),
        rs.getInt(13) != 0,
        Timestamps.parse(rs.getString(14)),
        sources.getOrDefault(rs.getLong(1), List.of()),
        rs.getInt(15),
        Optional.ofNullable(rs.getString(17)));
  }

  private static OptionalInt optionalInt(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column) == null ? OptionalInt.empty() : OptionalInt.of(rs.getInt(column));
  }

  private static CitationKind kind(String label) {
    return CitationKind.valueOf(label.toUpperCase(Locale.ROOT));
  }

  private record Row(
      long id,
      NewTask task,
      String status,
      int attemptCount,
      Optional<String> error,
      String updatedAt) {}

  /** The tasks of one page, by id range, and the rows that hang off them grouped by task. */
  private record Page(Handle h, String runId, long first, long last) {
    <T> Map<Long, List<T>> grouped(String sql, RowMapper<T> mapper) {
      Map<Long, List<T>> byTask = new HashMap<>();
      h.createQuery(sql)
          .bind("run", runId)
          .bind("first", first)
          .bind("last", last)
          .map((rs, ctx) -> Map.entry(rs.getLong(1), mapper.map(rs, ctx)))
          .forEach(
              e -> byTask.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
      return byTask;
    }
  }
}
