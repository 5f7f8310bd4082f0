package dev.vis.engine;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * What a worker that shares its run with others (SPEC §8) adds to the engine: its share of the rate
 * limits, the run-wide budget, and word of each task whose outcome is committed, so it leases more
 * only as its answers are safe. {@link #ALONE} for a process that works a run by itself.
 */
interface RunShare {
  RunShare ALONE = new RunShare() {};

  /** The attempt gate is built: keep its buckets at this worker's share from now on. */
  default void limits(AttemptGate gate) {}

  /**
   * The ledger of the run's budget, when the run shares it.
   *
   * @param capUsd the run's cap
   * @param spentThisSession what this process's answers cost so far
   */
  default Optional<BudgetGate.Ledger> ledger(BigDecimal capUsd, DoubleSupplier spentThisSession) {
    return Optional.empty();
  }

  /** The budget stopped scheduling: take no more tasks. */
  default void budgetStopped() {}

  /** {@code count} tasks are finished with: their outcomes committed, or never to be written. */
  default void finished(int count) {}
}
