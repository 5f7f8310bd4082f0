package dev.vis.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads and writes table {@code run_results}: one row per run that has its results stored. */
final class RunResultsRows {
  private RunResultsRows() {}

  /** Replaces the run's row, inside the caller's transaction. */
  static void write(Handle h, String runId, RunResults results, Instant now) {
    h.createUpdate("DELETE FROM run_results WHERE run_id = ?").bind(0, runId).execute();
    h.createUpdate(
            "INSERT INTO run_results (run_id, answers, version, counts, served_models, untracked,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(0, runId)
        .bind(1, results.counts().answers())
        .bind(2, RunResults.VERSION)
        .bind(3, RunResultsJson.counts(results.counts()))
        .bind(4, RunResultsJson.served(results.served()))
        .bind(5, results.untracked().map(RunResultsJson::untracked).orElse(null))
        .bind(6, Timestamps.format(now))
        .execute();
  }

  /**
   * The run's results if they hold for it as it is now: computed under {@link RunResults#VERSION}
   * from as many answers as it has. Empty for a database from before the table.
   *
   * @param schema the database's schema version
   */
  static Optional<RunResults> read(Handle h, RunSummary run, int schema) {
    if (schema < Migrations.RESULTS) {
      return Optional.empty();
    }
    return h.createQuery(
            "SELECT answers, counts, served_models, untracked FROM run_results"
                + " WHERE run_id = ? AND version = ? AND answers = ?")
        .bind(0, run.id())
        .bind(1, RunResults.VERSION)
        .bind(2, run.ok())
        .map((rs, ctx) -> parse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .findOne()
        .flatMap(r -> r);
  }

  private static Optional<RunResults> parse(
      long answers, String counts, String served, String untracked) {
    try {
      return Optional.of(
          new RunResults(
              RunResultsJson.counts(answers, counts),
              RunResultsJson.served(served),
              Optional.ofNullable(untracked).map(RunResultsJson::untracked)));
    } catch (RuntimeException e) {
      // a damaged row is only a lost shortcut: the report computes from the answers as without one
      return Optional.empty();
    }
  }
}
