package dev.vis.spec;

import java.math.BigDecimal;

/**
 * A cost cap for a run.
 *
 * @param maxUsd the run stops scheduling before its cost would pass this
 */
public record BudgetSpec(BigDecimal maxUsd) {}
