package dev.vis.engine;

import dev.vis.VisException;
import dev.vis.store.WorkerBeat;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * One worker's part of a run it shares (SPEC §8): a heartbeat in the database, from which it counts
 * the live workers and keeps {@code 1 / N} of every rpm and tpm (re-divided as workers join, leave
 * or die), the run's budget reserved in the database, and the tasks it leases, given room as their
 * answers are committed.
 *
 * <p>A newcomer calls nothing until every other live worker has made room for it: the workers'
 * shares never add up to more than the limit, not even for the moment a join takes to be seen.
 */
final class WorkerShare implements RunShare {
  /** How often a worker beats: a join is seen by the others within about this. */
  static final Duration BEAT = Duration.ofSeconds(1);

  private final WorkerSeat seat;
  private final LeasedTasks tasks;
  private volatile AttemptGate gate;
  private volatile int parts;

  WorkerShare(WorkerSeat seat, LeasedTasks tasks) {
    this.seat = seat;
    this.tasks = tasks;
  }

  /** How often to beat: {@link #BEAT}, or more often under a short lease. */
  Duration every() {
    Duration quarter = seat.lease().dividedBy(4);
    return quarter.compareTo(BEAT) < 0 ? quarter : BEAT;
  }

  /**
   * Registers, then beats until every other live worker has made room, for at most ten beats (a
   * worker that has not beaten for that long is not calling either).
   */
  void join(Sleeper sleeper) throws InterruptedException {
    for (int i = 0; i < 10 && !beat().othersMadeRoom(); i++) {
      sleeper.sleep(every());
    }
  }

  /** Renews the heartbeat and takes the share the live workers leave. */
  WorkerBeat beat() {
    WorkerBeat beat = seat.store().beat(seat.runId(), seat.worker(), parts, seat.lease());
    parts = beat.live();
    AttemptGate current = gate;
    if (current != null) {
      current.share(parts);
    }
    return beat;
  }

  /** {@link #beat}, except that a database away for a moment waits for the next one. */
  void beatQuietly() {
    try {
      beat();
    } catch (VisException e) {
      // the next beat tries again, well before the heartbeat counts as dead
    }
  }

  @Override
  public void limits(AttemptGate gate) {
    this.gate = gate;
    gate.share(Math.max(1, parts));
  }

  @Override
  public Optional<BudgetGate.Ledger> ledger(BigDecimal capUsd, DoubleSupplier spentThisSession) {
    return Optional.of(new SharedLedger(seat, capUsd.doubleValue(), spentThisSession));
  }

  @Override
  public void budgetStopped() {
    tasks.stop();
  }

  @Override
  public void finished(int count) {
    tasks.settled(count);
  }
}
