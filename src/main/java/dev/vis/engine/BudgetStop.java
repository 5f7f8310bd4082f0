package dev.vis.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Why a session stopped scheduling before its tasks were done: the cost cap.
 *
 * @param capUsd the run's cumulative cap
 * @param spentUsd what the run's answers cost, over all its sessions
 * @param pendingEstimateUsd what the calls not made were estimated at (at most)
 * @param pendingTasks how many calls were not made
 */
public record BudgetStop(
    BigDecimal capUsd, BigDecimal spentUsd, BigDecimal pendingEstimateUsd, long pendingTasks) {

  /** A cap that covers the calls not made at their estimate, rounded up to the cent. */
  public BigDecimal suggestedCapUsd() {
    BigDecimal needed = spentUsd.add(pendingEstimateUsd).setScale(2, RoundingMode.CEILING);
    return needed.compareTo(capUsd) > 0 ? needed : capUsd.add(new BigDecimal("0.01"));
  }
}
