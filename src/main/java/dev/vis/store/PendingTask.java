package dev.vis.store;

/**
 * A task still to call.
 *
 * @param id task id
 * @param seq call order
 * @param promptId prompt asked
 * @param modelId model asked
 * @param sample 1-based sample number
 * @param attempts attempts already made in earlier sessions
 */
public record PendingTask(
    long id, int seq, String promptId, String modelId, int sample, int attempts) {}
