package dev.vis.engine;

import java.math.BigDecimal;

/**
 * The counts of a session at one moment, for progress lines.
 *
 * @param ok tasks answered
 * @param failed tasks given up on
 * @param retries retries made
 * @param retryingNow tasks whose last attempt failed and that wait for or make another
 * @param calls attempts made
 * @param costUsd cost of the answers so far
 */
public record ProgressSnapshot(
    long ok, long failed, long retries, long retryingNow, long calls, BigDecimal costUsd) {}
