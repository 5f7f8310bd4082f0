package dev.vis.store;

import dev.vis.VisException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads runs with their task counts and effective status, and resolves run references. */
final class RunQueries {
  /** A running run whose owner has been silent this long is stale. */
  static final Duration STALE_AFTER = Duration.ofSeconds(60);

  /** How many ids an ambiguous prefix's message lists; it says so when there are more. */
  static final int AMBIGUOUS_SHOWN = 10;

  private static final String SUMMARY =
      """
      SELECT r.id, r.name, r.spec_path, r.spec_sha256, r.status, r.created_at, r.finished_at,
             r.source_run_id, r.owner_host, r.owner_pid, r.heartbeat_at,
             coalesce(c.ok, 0), coalesce(c.failed, 0), coalesce(c.pending, 0),
             coalesce(c.cost, 0), coalesce(c.unpriced, 0)
      FROM runs r
      LEFT JOIN (
        SELECT t.run_id,
               sum(t.status = 'ok') AS ok,
               sum(t.status = 'failed') AS failed,
               sum(t.status = 'pending') AS pending,
               sum(a.cost_usd) AS cost,
               sum(t.status = 'ok' AND a.cost_usd IS NULL) AS unpriced
        FROM tasks t LEFT JOIN answers a ON a.id = t.answer_id
        GROUP BY t.run_id
      ) c ON c.run_id = r.id
      """;

  private final Jdbi jdbi;
  private final Clock clock;
  private final String thisHost;
  private final String location;

  RunQueries(Jdbi jdbi, Clock clock, String thisHost, String location) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.thisHost = thisHost;
    this.location = location;
  }

  Optional<RunSummary> find(String id) {
    return jdbi.withHandle(h -> find(h, id));
  }

  private Optional<RunSummary> find(Handle h, String id) {
    return h.createQuery(SUMMARY + " WHERE r.id = ?")
        .bind(0, id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  List<RunSummary> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery(SUMMARY + " ORDER BY r.created_at DESC, r.id DESC")
                .map((rs, ctx) -> map(rs))
                .list());
  }

  Optional<RunSummary> newestUnfinished(String name) {
    return all().stream()
        .filter(r -> r.name().equals(name))
        .filter(r -> r.status() != RunStatus.RUNNING)
        .filter(r -> r.status() != RunStatus.DONE || r.failed() + r.pending() > 0)
        .filter(r -> r.sourceRunId().isEmpty())
        .findFirst();
  }

  RunSummary resolve(String reference) {
    String ref = reference.strip();
    List<RunSummary> all = all();
    if (all.isEmpty()) {
      throw VisException.usage(location + " holds no runs yet (run `vis run SPEC` first)");
    }
    if (ref.equalsIgnoreCase("latest")) {
      return all.stream()
          .filter(r -> r.status() != RunStatus.RUNNING)
          .findFirst()
          .orElseThrow(() -> VisException.usage("every run in " + location + " is still running"));
    }
    for (RunSummary run : all) {
      if (run.id().equalsIgnoreCase(ref)) {
        return run;
      }
    }
    int tilde = ref.lastIndexOf('~');
    String name = ref;
    int back = 0;
    if (tilde > 0 && ref.substring(tilde + 1).matches("\\d{1,6}")) {
      name = ref.substring(0, tilde);
      back = Integer.parseInt(ref.substring(tilde + 1));
    }
    String wanted = name;
    List<RunSummary> named = all.stream().filter(r -> r.name().equals(wanted)).toList();
    if (!named.isEmpty()) {
      if (back >= named.size()) {
        throw VisException.usage(
            "run '" + ref + "': '" + name + "' has only " + named.size() + " run(s)");
      }
      return named.get(back);
    }
    if (ref.length() >= 4) {
      String prefix = ref.toUpperCase(Locale.ROOT);
      List<RunSummary> matches = all.stream().filter(r -> r.id().startsWith(prefix)).toList();
      if (matches.size() == 1) {
        return matches.get(0);
      }
      if (matches.size() > 1) {
        int shown = Math.min(matches.size(), AMBIGUOUS_SHOWN);
        throw VisException.usage(
            "run '"
                + ref
                + "' is ambiguous: it starts "
                + matches.size()
                + " run ids ("
                + (shown < matches.size() ? "the newest " + shown + ": " : "")
                + matches.stream()
                    .limit(shown)
                    .map(RunSummary::id)
                    .collect(Collectors.joining(", "))
                + "); give more characters");
      }
    }
    throw VisException.usage(
        "no run '"
            + ref
            + "' in "
            + location
            + " (give a run id, a prefix of at least 4 characters, 'latest', a spec name or"
            + " NAME~N; `vis runs` lists them)");
  }

  void claim(Handle h, String runId, Owner owner, Instant now) {
    RunSummary run =
        find(h, runId).orElseThrow(() -> VisException.usage("no run " + runId + " in " + location));
    if (run.status() == RunStatus.RUNNING
        && run.owner().isPresent()
        && !run.owner().get().equals(owner)) {
      Owner other = run.owner().get();
      throw VisException.usage(
          "run "
              + runId
              + " is being worked by process "
              + other.pid()
              + " on "
              + other.host()
              + " (last heartbeat "
              + run.heartbeatAt().map(Timestamps::format).orElse("never")
              + "); wait for it, or stop it first");
    }
    h.createUpdate(
            "UPDATE runs SET status = 'running', owner_host = ?, owner_pid = ?, heartbeat_at = ?,"
                + " finished_at = NULL WHERE id = ?")
        .bind(0, owner.host())
        .bind(1, owner.pid())
        .bind(2, Timestamps.format(now))
        .bind(3, runId)
        .execute();
  }

  private RunSummary map(ResultSet rs) throws SQLException {
    Optional<Owner> owner =
        rs.getString(9) == null
            ? Optional.empty()
            : Optional.of(new Owner(rs.getString(9), rs.getLong(10)));
    Optional<Instant> heartbeat = Timestamps.parseNullable(rs.getString(11));
    RunStatus stored = RunStatus.parse(rs.getString(5));
    boolean replay = rs.getString(8) != null;
    return new RunSummary(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        effective(stored, owner, heartbeat),
        Timestamps.parse(rs.getString(6)),
        Timestamps.parseNullable(rs.getString(7)),
        Optional.ofNullable(rs.getString(8)),
        rs.getLong(12),
        rs.getLong(13),
        rs.getLong(14),
        replay ? BigDecimal.ZERO : BigDecimal.valueOf(rs.getDouble(15)),
        replay ? 0 : rs.getLong(16),
        owner,
        heartbeat);
  }

  private RunStatus effective(
      RunStatus stored, Optional<Owner> owner, Optional<Instant> heartbeat) {
    if (stored != RunStatus.RUNNING) {
      return stored;
    }
    boolean gone = owner.map(o -> o.goneFrom(thisHost)).orElse(true);
    boolean silent = heartbeat.map(t -> t.plus(STALE_AFTER).isBefore(clock.instant())).orElse(true);
    return gone || silent ? RunStatus.STALE : RunStatus.RUNNING;
  }
}
