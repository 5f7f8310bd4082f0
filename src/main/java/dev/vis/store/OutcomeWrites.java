package dev.vis.store;

import dev.vis.analysis.AnswerAnalysis;
import dev.vis.analysis.Citation;
import dev.vis.analysis.Mention;
import dev.vis.analysis.SourceRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Writes a batch of task outcomes inside the caller's transaction. */
final class OutcomeWrites {
  private OutcomeWrites() {}

  /**
   * @param now when a failure is recorded (an answer carries its own time)
   */
  static void write(Handle h, List<TaskOutcome> outcomes, Instant now) {
    PreparedBatch mentions =
        h.prepareBatch(
            "INSERT INTO mentions (task_id, brand, count, position, list_rank, first_offset,"
                + " list, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    PreparedBatch citations =
        h.prepareBatch(
            "INSERT INTO citations (task_id, ord, url, domain, brand, kind) VALUES (?, ?, ?, ?, ?, ?)");
    PreparedBatch clearMentions = h.prepareBatch("DELETE FROM mentions WHERE task_id = ?");
    PreparedBatch clearCitations = h.prepareBatch("DELETE FROM citations WHERE task_id = ?");
    String failedAt = Timestamps.format(now);
    for (TaskOutcome outcome : outcomes) {
      switch (outcome) {
        case TaskOutcome.Answered a -> {
          long answerId = insertAnswer(h, a.answer());
          insertAttempts(h, a.taskId(), a.attempts());
          h.createUpdate(
                  "UPDATE tasks SET status = 'ok', attempts = attempts + ?, error = NULL,"
                      + " answer_id = ?, updated_at = ? WHERE id = ?")
              .bind(0, a.attempts().size())
              .bind(1, answerId)
              .bind(2, Timestamps.format(a.answer().createdAt()))
              .bind(3, a.taskId())
              .execute();
          addAnalysis(a.taskId(), a.analysis(), mentions, citations, clearMentions, clearCitations);
        }
        case TaskOutcome.Failed f -> {
          insertAttempts(h, f.taskId(), f.attempts());
          h.createUpdate(
                  "UPDATE tasks SET status = 'failed', attempts = attempts + ?, error = ?,"
                      + " updated_at = ? WHERE id = ? AND status <> 'ok'")
              .bind(0, f.attempts().size())
              .bind(1, f.error())
              .bind(2, failedAt)
              .bind(3, f.taskId())
              .execute();
        }
        case TaskOutcome.Analysed r ->
            addAnalysis(
                r.taskId(), r.analysis(), mentions, citations, clearMentions, clearCitations);
      }
    }
    if (clearMentions.size() > 0) {
      clearMentions.execute();
      clearCitations.execute();
    }
    if (mentions.size() > 0) {
      mentions.execute();
    }
    if (citations.size() > 0) {
      citations.execute();
    }
  }

  private static void addAnalysis(
      long taskId,
      AnswerAnalysis analysis,
      PreparedBatch mentions,
      PreparedBatch citations,
      PreparedBatch clearMentions,
      PreparedBatch clearCitations) {
    clearMentions.bind(0, taskId).add();
    clearCitations.bind(0, taskId).add();
    for (Mention m : analysis.mentions()) {
      mentions
          .bind(0, taskId)
          .bind(1, m.brand())
          .bind(2, m.count())
          .bind(3, m.position())
          .bind(4, m.listRank().isPresent() ? m.listRank().getAsInt() : null)
          .bind(5, m.firstOffset())
          .bind(6, m.list().isPresent() ? m.list().getAsInt() : null)
          .bind(7, m.rule().label())
          .add();
    }
    int ord = 0;
    for (Citation c : analysis.citations()) {
      citations
          .bind(0, taskId)
          .bind(1, ord++)
          .bind(2, c.url())
          .bind(3, c.domain())
          .bind(4, c.brand().orElse(null))
          .bind(5, c.kind().label())
          .add();
    }
  }

  private static long insertAnswer(Handle h, AnswerRecord a) {
    long id =
        h.createUpdate(
                """
                INSERT INTO answers (text, raw_body, http_status, finish_reason, request_id,
                  input_tokens, output_tokens, cost_usd, price_input, price_output, latency_ms,
                  grounded, created_at, searches, price_search, served_model)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            .bind(0, a.text())
            .bind(1, a.rawBody())
            .bind(2, a.httpStatus())
            .bind(3, a.finishReason().orElse(null))
            .bind(4, a.requestId().orElse(null))
            .bind(5, a.inputTokens().isPresent() ? a.inputTokens().getAsLong() : null)
            .bind(6, a.outputTokens().isPresent() ? a.outputTokens().getAsLong() : null)
            .bind(7, a.costUsd().map(BigDecimal::doubleValue).orElse(null))
            .bind(8, a.price().map(p -> p.input().toPlainString()).orElse(null))
            .bind(9, a.price().map(p -> p.output().toPlainString()).orElse(null))
            .bind(10, a.latencyMs())
            .bind(11, a.grounded())
            .bind(12, Timestamps.format(a.createdAt()))
            .bind(13, a.searches())
            .bind(
                14,
                a.price().flatMap(p -> p.searchPer1k()).map(BigDecimal::toPlainString).orElse(null))
            .bind(15, a.servedModel().orElse(null))
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    int ord = 0;
    for (SourceRef s : a.sources()) {
      h.createUpdate(
              "INSERT INTO answer_sources (answer_id, ord, url, title, kind) VALUES (?, ?, ?, ?, ?)")
          .bind(0, id)
          .bind(1, ord++)
          .bind(2, s.url())
          .bind(3, s.title().orElse(null))
          .bind(4, s.kind().label())
          .execute();
    }
    return id;
  }

  private static void insertAttempts(Handle h, long taskId, List<AttemptRecord> attempts) {
    for (AttemptRecord a : attempts) {
      h.createUpdate(
              "INSERT INTO attempts (task_id, attempt, started_at, latency_ms, http_status, outcome,"
                  + " error, raw_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .bind(0, taskId)
          .bind(1, a.attempt())
          .bind(2, Timestamps.format(a.startedAt()))
          .bind(3, a.latencyMs())
          .bind(4, a.httpStatus().isPresent() ? a.httpStatus().getAsInt() : null)
          .bind(5, a.outcome().value())
          .bind(6, a.error().orElse(null))
          .bind(7, a.rawBody().orElse(null))
          .execute();
    }
  }
}
