package dev.vis.store;

/**
 * A task to record before any call.
 *
 * @param seq call order (seeded shuffle, sample by sample)
 * @param promptId prompt asked
 * @param modelId model asked
 * @param sample 1-based sample number
 */
public record NewTask(int seq, String promptId, String modelId, int sample) {}
