package dev.vis.store;

import java.math.BigDecimal;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Changes where a run stands: its owner and heartbeat, its cost cap, its final status. */
final class RunStateWrites {
  private RunStateWrites() {}

  /** Makes {@code owner} the run's owner and marks it running (the caller checked who owns it). */
  static void claim(Handle h, String runId, Owner owner, Instant now) {
    h.createUpdate(
            "UPDATE runs SET status = 'running', owner_host = ?, owner_pid = ?, heartbeat_at = ?,"
                + " finished_at = NULL WHERE id = ?")
        .bind(0, owner.host())
        .bind(1, owner.pid())
        .bind(2, Timestamps.format(now))
        .bind(3, runId)
        .execute();
  }

  static void heartbeat(Handle h, String runId, Instant now) {
    h.createUpdate("UPDATE runs SET heartbeat_at = ? WHERE id = ?")
        .bind(0, Timestamps.format(now))
        .bind(1, runId)
        .execute();
  }

  static void replaceMaxUsd(Handle h, String runId, BigDecimal maxUsd) {
    h.createUpdate("UPDATE runs SET max_usd = ? WHERE id = ?")
        .bind(0, maxUsd.toPlainString())
        .bind(1, runId)
        .execute();
  }

  static void finish(Handle h, String runId, RunStatus status, Instant now) {
    h.createUpdate("UPDATE runs SET status = ?, finished_at = ?, heartbeat_at = ? WHERE id = ?")
        .bind(0, status.label())
        .bind(1, Timestamps.format(now))
        .bind(2, Timestamps.format(now))
        .bind(3, runId)
        .execute();
  }
}
