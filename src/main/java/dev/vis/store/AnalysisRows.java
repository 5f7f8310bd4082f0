package dev.vis.store;

import dev.vis.analysis.AnswerAnalysis;
import dev.vis.analysis.Citation;
import dev.vis.analysis.Mention;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The mention and citation rows of analysed answers, bound straight into one JDBC batch per table
 * ({@link BatchRows}): what both the run's single writer and a replay insert for each analysis.
 */
final class AnalysisRows {
  private final BatchRows mentions;
  private final BatchRows citations;

  AnalysisRows(Handle h) {
    mentions =
        new BatchRows(
            h,
            "INSERT INTO mentions (task_id, brand, count, position, list_rank, first_offset,"
                + " list, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    citations =
        new BatchRows(
            h,
            "INSERT INTO citations (task_id, ord, url, domain, brand, kind) VALUES (?, ?, ?, ?, ?, ?)");
  }

  /**
   * Inserts the analyses of tasks that have none yet, in one batch per table inside the caller's
   * transaction: a replay's tasks, fresh from {@link Store#createRun}, need nothing cleared first.
   */
  static void insert(Handle h, List<TaskOutcome.Analysed> analyses) {
    AnalysisRows rows = new AnalysisRows(h);
    try {
      for (TaskOutcome.Analysed a : analyses) {
        rows.add(a.taskId(), a.analysis());
      }
      rows.statements().forEach(BatchRows::execute);
    } finally {
      rows.statements().forEach(BatchRows::close);
    }
  }

  /** Adds one task's rows: its mentions, and its citations numbered in order. */
  void add(long taskId, AnswerAnalysis analysis) {
    for (Mention m : analysis.mentions()) {
      mentions
          .row()
          .bind(taskId)
          .bind(m.brand())
          .bind(m.count())
          .bind(m.position())
          .bind(m.listRank().isPresent() ? m.listRank().getAsInt() : null)
          .bind(m.firstOffset())
          .bind(m.list().isPresent() ? m.list().getAsInt() : null)
          .bind(m.rule().label());
    }
    int ord = 0;
    for (Citation c : analysis.citations()) {
      citations
          .row()
          .bind(taskId)
          .bind(ord++)
          .bind(c.url())
          .bind(c.domain())
          .bind(c.brand().orElse(null))
          .bind(c.kind().label());
    }
  }

  /** The two statements, in the order they execute. */
  List<BatchRows> statements() {
    return List.of(mentions, citations);
  }
}
