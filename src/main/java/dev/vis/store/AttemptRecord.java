package dev.vis.store;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of one call attempt.
 *
 * @param attempt 1-based, counted across sessions of the task
 * @param startedAt when the request left
 * @param latencyMs how long it took
 * @param httpStatus status, when a response arrived
 * @param outcome how it ended
 * @param error what went wrong, when it did
 * @param rawBody the body of a failed attempt, when one arrived (an ok body lives with its answer)
 */
public record AttemptRecord(
    int attempt,
    Instant startedAt,
    long latencyMs,
    OptionalInt httpStatus,
    AttemptOutcome outcome,
    Optional<String> error,
    Optional<String> rawBody) {}
