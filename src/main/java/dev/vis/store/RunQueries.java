package dev.vis.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads runs with their task counts and effective status, and a run's unfinished tasks. */
final class RunQueries {
  /** A run's own columns and its task tallies, the tallies' subquery left open for its filter. */
  private static final String SUMMARY =
      """
      SELECT r.id, r.name, r.spec_path, r.spec_sha256, r.status, r.created_at, r.finished_at,
             r.source_run_id, r.owner_host, r.owner_pid, r.heartbeat_at,
             coalesce(c.ok, 0), coalesce(c.failed, 0), coalesce(c.pending, 0),
             coalesce(c.cost, 0), coalesce(c.unpriced, 0)
      FROM runs r
      LEFT JOIN (
        SELECT t.run_id,
               sum(CASE WHEN t.status = 'ok' THEN 1 ELSE 0 END) AS ok,
               sum(CASE WHEN t.status = 'failed' THEN 1 ELSE 0 END) AS failed,
               sum(CASE WHEN t.status = 'pending' THEN 1 ELSE 0 END) AS pending,
               sum(a.cost_usd) AS cost,
               sum(CASE WHEN t.status = 'ok' AND a.cost_usd IS NULL THEN 1 ELSE 0 END) AS unpriced
        FROM tasks t LEFT JOIN answers a ON a.id = t.answer_id
      """;

  /**
   * One run's summary: its tasks alone are counted (filtered inside the subquery, which the
   * databases would otherwise group over every run's tasks before joining).
   */
  static final String ONE =
      SUMMARY + " WHERE t.run_id = ? GROUP BY t.run_id) c ON c.run_id = r.id WHERE r.id = ?";

  private static final String ALL =
      SUMMARY + " GROUP BY t.run_id) c ON c.run_id = r.id ORDER BY r.created_at DESC, r.id DESC";

  private final Liveness liveness;

  RunQueries(Liveness liveness) {
    this.liveness = liveness;
  }

  /** The run with this exact id, its own tasks counted. */
  Optional<RunSummary> find(Handle h, String id) {
    return h.createQuery(ONE).bind(0, id).bind(1, id).map((rs, ctx) -> map(rs)).findOne();
  }

  /** Every run, newest first, with its tasks counted. */
  List<RunSummary> all(Handle h) {
    return h.createQuery(ALL).map((rs, ctx) -> map(rs)).list();
  }

  /**
   * Every run's id, name and effective status, newest first, from the runs table alone: what a run
   * reference is resolved against, without counting any run's tasks.
   */
  List<RunHead> heads(Handle h) {
    return h.createQuery(
            "SELECT id, name, status, owner_host, owner_pid, heartbeat_at FROM runs"
                + " ORDER BY created_at DESC, id DESC")
        .map(
            (rs, ctx) ->
                new RunHead(
                    rs.getString(1),
                    rs.getString(2),
                    liveness.effective(
                        RunStatus.parse(rs.getString(3)),
                        owner(rs.getString(4), rs.getLong(5)),
                        Timestamps.parseNullable(rs.getString(6)))))
        .list();
  }

  /** Tasks of a run that have no answer, in call order. */
  static List<PendingTask> unfinishedTasks(Handle h, String runId) {
    return h.createQuery(
            "SELECT id, seq, prompt_id, model_id, sample, attempts FROM tasks"
                + " WHERE run_id = ? AND status <> 'ok' ORDER BY seq")
        .bind(0, runId)
        .map((rs, ctx) -> pendingTask(rs))
        .list();
  }

  /** A task from columns {@code id, seq, prompt_id, model_id, sample, attempts}. */
  static PendingTask pendingTask(ResultSet rs) throws SQLException {
    return new PendingTask(
        rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6));
  }

  /**
   * A sum of per-answer costs without the floating-point noise of the order the database added them
   * in, which differs between SQLite and PostgreSQL: a run pushed from one to the other reports the
   * same cost. Ten decimals keep a hundredth of the cheapest token's price.
   */
  static BigDecimal cost(double sum) {
    BigDecimal exact = BigDecimal.valueOf(sum);
    BigDecimal rounded = exact.setScale(10, RoundingMode.HALF_EVEN);
    return rounded.compareTo(exact) == 0 ? exact : rounded.stripTrailingZeros();
  }

  private static Optional<Owner> owner(String host, long pid) {
    return host == null ? Optional.empty() : Optional.of(new Owner(host, pid));
  }

  private RunSummary map(ResultSet rs) throws SQLException {
    Optional<Owner> owner = owner(rs.getString(9), rs.getLong(10));
    Optional<Instant> heartbeat = Timestamps.parseNullable(rs.getString(11));
    RunStatus stored = RunStatus.parse(rs.getString(5));
    boolean replay = rs.getString(8) != null;
    return new RunSummary(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        liveness.effective(stored, owner, heartbeat),
        Timestamps.parse(rs.getString(6)),
        Timestamps.parseNullable(rs.getString(7)),
        Optional.ofNullable(rs.getString(8)),
        rs.getLong(12),
        rs.getLong(13),
        rs.getLong(14),
        replay ? BigDecimal.ZERO : cost(rs.getDouble(15)),
        replay ? 0 : rs.getLong(16),
        owner,
        heartbeat);
  }
}
