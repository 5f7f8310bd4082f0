package dev.vis.report.html;

/**
 * How many tasks of one model failed for one reason.
 *
 * @param cause the stored error, its numbers and quoted details blurred so alike failures group
 * @param modelId the model
 * @param tasks how many tasks failed so
 */
public record FailureCount(String cause, String modelId, long tasks) {}
