package dev.vis.engine;

import dev.vis.spec.EndpointKey;

/**
 * What a gate knows about the call asking to pass.
 *
 * @param taskId the task
 * @param endpoint the endpoint it calls
 * @param modelId the model it asks
 * @param estimatedTokens input plus maximum output tokens, for token buckets and budgets
 * @param estimatedUsd the cost of those tokens at the model's price (zero when unpriced)
 */
record CallTicket(
    long taskId, EndpointKey endpoint, String modelId, long estimatedTokens, double estimatedUsd) {}
