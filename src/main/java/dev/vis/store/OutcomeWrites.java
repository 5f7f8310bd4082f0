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

/**
 * Writes a batch of task outcomes inside the caller's transaction: each statement is prepared once
 * per batch and sent as one prepared batch, never one statement per row.
 */
final class OutcomeWrites {
  private final Rows answers;
  private final Rows sources;
  private final Rows attempts;
  private final Rows answeredTasks;
  private final Rows failedTasks;
  private final Rows clearMentions;
  private final Rows clearCitations;
  private final Rows mentions;
  private final Rows citations;

  /**
   * One statement's rows: prepared on its first row, so a batch of answers never pays for the
   * failure's statements and the reverse (Jdbi copies its configuration into every statement).
   */
  private static final class Rows {
    private final Handle h;
    private final String sql;
    private PreparedBatch batch;

    Rows(Handle h, String sql) {
      this.h = h;
      this.sql = sql;
    }

    /** The batch to bind the next row into. */
    PreparedBatch row() {
      if (batch == null) {
        batch = h.prepareBatch(sql);
      }
      return batch;
    }

    void execute() {
      if (batch != null && batch.size() > 0) {
        batch.execute();
      }
    }
  }

  private OutcomeWrites(Handle h) {
    answers =
        new Rows(
            h,
            """
            INSERT INTO answers (id, text, raw_body, http_status, finish_reason, request_id,
              input_tokens, output_tokens, cost_usd, price_input, price_output, latency_ms,
              grounded, created_at, searches, price_search, served_model)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """);
    sources =
        new Rows(
            h,
            "INSERT INTO answer_sources (answer_id, ord, url, title, kind) VALUES (?, ?, ?, ?, ?)");
    attempts =
        new Rows(
            h,
            "INSERT INTO attempts (task_id, attempt, started_at, latency_ms, http_status, outcome,"
                + " error, raw_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    answeredTasks =
        new Rows(
            h,
            "UPDATE tasks SET status = 'ok', attempts = attempts + ?, error = NULL,"
                + " answer_id = ?, updated_at = ? WHERE id = ?");
    failedTasks =
        new Rows(
            h,
            "UPDATE tasks SET status = 'failed', attempts = attempts + ?, error = ?,"
                + " updated_at = ? WHERE id = ? AND status <> 'ok'");
    clearMentions = new Rows(h, "DELETE FROM mentions WHERE task_id = ?");
    clearCitations = new Rows(h, "DELETE FROM citations WHERE task_id = ?");
    mentions =
        new Rows(
            h,
            "INSERT INTO mentions (task_id, brand, count, position, list_rank, first_offset,"
                + " list, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    citations =
        new Rows(
            h,
            "INSERT INTO citations (task_id, ord, url, domain, brand, kind) VALUES (?, ?, ?, ?, ?, ?)");
  }

  /**
   * @param now when a failure is recorded (an answer carries its own time)
   * @param ids hands out the ids of the answers this batch inserts
   */
  static void write(Handle h, List<TaskOutcome> outcomes, Instant now, AnswerIds ids) {
    int answered = 0;
    for (TaskOutcome outcome : outcomes) {
      if (outcome instanceof TaskOutcome.Answered) {
        answered++;
      }
    }
    long[] answerIds = answered == 0 ? new long[0] : ids.take(h, answered);
    OutcomeWrites writes = new OutcomeWrites(h);
    String failedAt = Timestamps.format(now);
    int next = 0;
    for (TaskOutcome outcome : outcomes) {
      switch (outcome) {
        case TaskOutcome.Answered a -> {
          long answerId = answerIds[next++];
          writes.addAnswer(answerId, a.answer());
          writes.addAttempts(a.taskId(), a.attempts());
          writes
              .answeredTasks
              .row()
              .bind(0, a.attempts().size())
              .bind(1, answerId)
              .bind(2, Timestamps.format(a.answer().createdAt()))
              .bind(3, a.taskId())
              .add();
          writes.replaceAnalysis(a.taskId(), a.analysis());
        }
        case TaskOutcome.Failed f -> {
          writes.addAttempts(f.taskId(), f.attempts());
          writes
              .failedTasks
              .row()
              .bind(0, f.attempts().size())
              .bind(1, f.error())
              .bind(2, failedAt)
              .bind(3, f.taskId())
              .add();
        }
        case TaskOutcome.Analysed r -> writes.replaceAnalysis(r.taskId(), r.analysis());
      }
    }
    writes.execute();
  }

  /** Sends the batches in the order the foreign keys need: answers before the tasks naming them. */
  private void execute() {
    for (Rows rows :
        List.of(
            answers,
            sources,
            attempts,
            answeredTasks,
            failedTasks,
            clearMentions,
            clearCitations,
            mentions,
            citations)) {
      rows.execute();
    }
  }

  /** An analysis replaces whatever the task held, never adds to it. */
  private void replaceAnalysis(long taskId, AnswerAnalysis analysis) {
    clearMentions.row().bind(0, taskId).add();
    clearCitations.row().bind(0, taskId).add();
    for (Mention m : analysis.mentions()) {
      mentions
          .row()
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
          .row()
          .bind(0, taskId)
          .bind(1, ord++)
          .bind(2, c.url())
          .bind(3, c.domain())
          .bind(4, c.brand().orElse(null))
          .bind(5, c.kind().label())
          .add();
    }
  }

  private void addAnswer(long id, AnswerRecord a) {
    answers
        .row()
        .bind(0, id)
        .bind(1, a.text())
        .bind(2, a.rawBody())
        .bind(3, a.httpStatus())
        .bind(4, a.finishReason().orElse(null))
        .bind(5, a.requestId().orElse(null))
        .bind(6, a.inputTokens().isPresent() ? a.inputTokens().getAsLong() : null)
        .bind(7, a.outputTokens().isPresent() ? a.outputTokens().getAsLong() : null)
        .bind(8, a.costUsd().map(BigDecimal::doubleValue).orElse(null))
        .bind(9, a.price().map(p -> p.input().toPlainString()).orElse(null))
        .bind(10, a.price().map(p -> p.output().toPlainString()).orElse(null))
        .bind(11, a.latencyMs())
        .bind(12, a.grounded())
        .bind(13, Timestamps.format(a.createdAt()))
        .bind(14, a.searches())
        .bind(
            15, a.price().flatMap(p -> p.searchPer1k()).map(BigDecimal::toPlainString).orElse(null))
        .bind(16, a.servedModel().orElse(null))
        .add();
    int ord = 0;
    for (SourceRef s : a.sources()) {
      sources
          .row()
          .bind(0, id)
          .bind(1, ord++)
          .bind(2, s.url())
          .bind(3, s.title().orElse(null))
          .bind(4, s.kind().label())
          .add();
    }
  }

  private void addAttempts(long taskId, List<AttemptRecord> records) {
    for (AttemptRecord a : records) {
      attempts
          .row()
          .bind(0, taskId)
          .bind(1, a.attempt())
          .bind(2, Timestamps.format(a.startedAt()))
          .bind(3, a.latencyMs())
          .bind(4, a.httpStatus().isPresent() ? a.httpStatus().getAsInt() : null)
          .bind(5, a.outcome().value())
          .bind(6, a.error().orElse(null))
          .bind(7, a.rawBody().orElse(null))
          .add();
    }
  }
}
