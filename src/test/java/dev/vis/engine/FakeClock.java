package dev.vis.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock that moves only when told, and a sleeper that moves it instead of waiting; public for the
 * tests of other packages that need one.
 */
public final class FakeClock extends UtcClock {
  private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

  public void advance(Duration d) {
    now = now.plus(d);
  }

  public Sleeper sleeper() {
    return this::advance;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
