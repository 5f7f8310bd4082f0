package dev.vis.engine;

/**
 * Failed tasks of one cause in a session.
 *
 * @param count how many tasks failed this way
 * @param example the message of one of them
 */
public record FailureGroup(long count, String example) {}
