package dev.vis.store;

import dev.vis.analysis.AnswerAnalysis;
import dev.vis.analysis.SourceRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Writes a batch of task outcomes inside the caller's transaction: each statement is prepared once
 * per batch and sent as one JDBC batch ({@link BatchRows}), never one statement per row.
 */
final class OutcomeWrites {
  private final BatchRows answers;
  private final BatchRows sources;
  private final BatchRows attempts;
  private final BatchRows answeredTasks;
  private final BatchRows failedTasks;
  private final BatchRows clearMentions;
  private final BatchRows clearCitations;
  private final AnalysisRows analyses;

  private OutcomeWrites(Handle h) {
    answers =
        new BatchRows(
            h,
            """
            INSERT INTO answers (id, text, raw_body, http_status, finish_reason, request_id,
              input_tokens, output_tokens, cost_usd, price_input, price_output, latency_ms,
              grounded, created_at, searches, price_search, served_model)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """);
    sources =
        new BatchRows(
            h,
            "INSERT INTO answer_sources (answer_id, ord, url, title, kind) VALUES (?, ?, ?, ?, ?)");
    attempts =
        new BatchRows(
            h,
            "INSERT INTO attempts (task_id, attempt, started_at, latency_ms, http_status, outcome,"
                + " error, raw_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    answeredTasks =
        new BatchRows(
            h,
            "UPDATE tasks SET status = 'ok', attempts = attempts + ?, error = NULL,"
                + " answer_id = ?, updated_at = ? WHERE id = ?");
    failedTasks =
        new BatchRows(
            h,
            "UPDATE tasks SET status = 'failed', attempts = attempts + ?, error = ?,"
                + " updated_at = ? WHERE id = ? AND status <> 'ok'");
    clearMentions = new BatchRows(h, "DELETE FROM mentions WHERE task_id = ?");
    clearCitations = new BatchRows(h, "DELETE FROM citations WHERE task_id = ?");
    analyses = new AnalysisRows(h);
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
    try {
      writes.add(outcomes, answerIds, now);
      writes.all().forEach(BatchRows::execute);
    } finally {
      writes.all().forEach(BatchRows::close);
    }
  }

  private void add(List<TaskOutcome> outcomes, long[] answerIds, Instant now) {
    String failedAt = Timestamps.format(now);
    int next = 0;
    for (TaskOutcome outcome : outcomes) {
      switch (outcome) {
        case TaskOutcome.Answered a -> {
          long answerId = answerIds[next++];
          addAnswer(answerId, a.answer());
          addAttempts(a.taskId(), a.attempts());
          answeredTasks
              .row()
              .bind(a.attempts().size())
              .bind(answerId)
              .bind(Timestamps.format(a.answer().createdAt()))
              .bind(a.taskId());
          replaceAnalysis(a.taskId(), a.analysis());
        }
        case TaskOutcome.Failed f -> {
          addAttempts(f.taskId(), f.attempts());
          failedTasks
              .row()
              .bind(f.attempts().size())
              .bind(f.error())
              .bind(failedAt)
              .bind(f.taskId());
        }
        case TaskOutcome.Analysed r -> replaceAnalysis(r.taskId(), r.analysis());
      }
    }
  }

  /** Every statement, in the order the foreign keys need: answers before the tasks naming them. */
  private List<BatchRows> all() {
    List<BatchRows> all =
        new ArrayList<>(
            List.of(
                answers,
                sources,
                attempts,
                answeredTasks,
                failedTasks,
                clearMentions,
                clearCitations));
    all.addAll(analyses.statements());
    return all;
  }

  /** An analysis replaces whatever the task held, never adds to it. */
  private void replaceAnalysis(long taskId, AnswerAnalysis analysis) {
    clearMentions.row().bind(taskId);
    clearCitations.row().bind(taskId);
    analyses.add(taskId, analysis);
  }

  private void addAnswer(long id, AnswerRecord a) {
    answers
        .row()
        .bind(id)
        .bind(a.text())
        .bind(a.rawBody())
        .bind(a.httpStatus())
        .bind(a.finishReason().orElse(null))
        .bind(a.requestId().orElse(null))
        .bind(a.inputTokens().isPresent() ? a.inputTokens().getAsLong() : null)
        .bind(a.outputTokens().isPresent() ? a.outputTokens().getAsLong() : null)
        .bind(a.costUsd().map(BigDecimal::doubleValue).orElse(null))
        .bind(a.price().map(p -> p.input().toPlainString()).orElse(null))
        .bind(a.price().map(p -> p.output().toPlainString()).orElse(null))
        .bind(a.latencyMs())
        .bind(a.grounded())
        .bind(Timestamps.format(a.createdAt()))
        .bind(a.searches())
        .bind(a.price().flatMap(p -> p.searchPer1k()).map(BigDecimal::toPlainString).orElse(null))
        .bind(a.servedModel().orElse(null));
    int ord = 0;
    for (SourceRef s : a.sources()) {
      sources
          .row()
          .bind(id)
          .bind(ord++)
          .bind(s.url())
          .bind(s.title().orElse(null))
          .bind(s.kind().label());
    }
  }

  private void addAttempts(long taskId, List<AttemptRecord> records) {
    for (AttemptRecord a : records) {
      attempts
          .row()
          .bind(taskId)
          .bind(a.attempt())
          .bind(Timestamps.format(a.startedAt()))
          .bind(a.latencyMs())
          .bind(a.httpStatus().isPresent() ? a.httpStatus().getAsInt() : null)
          .bind(a.outcome().value())
          .bind(a.error().orElse(null))
          .bind(a.rawBody().orElse(null));
    }
  }
}
