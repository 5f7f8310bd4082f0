package dev.vis.store;

import dev.vis.VisException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the process working a run is still at it: the rule behind {@link RunStatus#STALE} and
 * behind refusing a claim, the same for every store.
 */
final class Liveness {
  /** A running run whose owner has been silent this long is stale. */
  static final Duration STALE_AFTER = Duration.ofSeconds(60);

  private final Clock clock;
  private final String thisHost;

  /**
   * @param clock what "silent this long" is measured against
   * @param thisHost this machine's name, the only one whose processes can be looked up
   */
  Liveness(Clock clock, String thisHost) {
    this.clock = clock;
    this.thisHost = thisHost;
  }

  /** The status to show for a stored one: a running run whose owner is gone or silent is stale. */
  RunStatus effective(RunStatus stored, Optional<Owner> owner, Optional<Instant> heartbeat) {
    if (stored != RunStatus.RUNNING) {
      return stored;
    }
    boolean gone = owner.map(o -> o.goneFrom(thisHost)).orElse(true);
    boolean silent = heartbeat.map(t -> t.plus(STALE_AFTER).isBefore(clock.instant())).orElse(true);
    return gone || silent ? RunStatus.STALE : RunStatus.RUNNING;
  }

  /**
   * Refuses to let {@code claimant} take a run another live process works.
   *
   * @throws VisException (exit 2) naming the process that works it
   */
  static void refuseLiveOwner(RunSummary run, Owner claimant) {
    if (run.status() != RunStatus.RUNNING
        || run.owner().isEmpty()
        || run.owner().get().equals(claimant)) {
      return;
    }
    Owner other = run.owner().get();
    throw VisException.usage(
        "run "
            + run.id()
            + " is being worked by process "
            + other.pid()
            + " on "
            + other.host()
            + " (last heartbeat "
            + run.heartbeatAt().map(Timestamps::format).orElse("never")
            + "); wait for it, or stop it first");
  }
}
