package dev.vis.engine;

import dev.vis.spec.Secrets;
import java.time.Clock;
import java.util.function.DoubleSupplier;

/**
 * What every part of a run is handed from outside: time, a way to wait, chance (retry jitter), who
 * hears of each attempt and the secrets to blank out. Tests control time and chance through it.
 *
 * @param attempts told about every attempt as it ends
 * @param secrets blanked out of every answer and failure before anything else sees them
 */
record RunContext(
    Clock clock,
    Sleeper sleeper,
    DoubleSupplier random,
    AttemptListener attempts,
    Secrets secrets) {}
