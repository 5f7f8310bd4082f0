package dev.vis.cli;

import dev.vis.engine.Sleeper;
import dev.vis.engine.UtcClock;
import java.time.Duration;
import java.time.Instant;

/**
 * A clock that runs {@code factor} times faster than real time, and a sleeper that waits the real
 * share of what it is asked: a per-minute limit is then met in {@code 60 / factor} real seconds.
 */
final class ScaledTime extends UtcClock {
  private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
  private final long origin = System.nanoTime();
  private final long factor;

  ScaledTime(long factor) {
    this.factor = factor;
  }

  Sleeper sleeper() {
    return d -> {
      long nanos = d.toNanos() / factor;
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    };
  }

  @Override
  public Instant instant() {
    return start.plus(Duration.ofNanos((System.nanoTime() - origin) * factor));
  }
}
