package dev.vis.engine;

import dev.vis.store.SharedRuns;
import java.time.Duration;

/**
 * One worker's place in a run its workers share: the shared store, the run, the worker's name and
 * how long its heartbeat or lease counts as live.
 */
record WorkerSeat(SharedRuns store, String runId, String worker, Duration lease) {}
