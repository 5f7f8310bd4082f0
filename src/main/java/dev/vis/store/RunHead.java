package dev.vis.store;

/**
 * What a run reference is resolved by: a run's id, spec name and effective status, read without
 * counting its tasks.
 *
 * @param status effective status ({@code stale} when its owner is gone)
 */
record RunHead(String id, String name, RunStatus status) {}
