package dev.vis.engine;

import java.time.Duration;

/**
 * Waits: the one place the engine's waits (retry delays, the drain after Ctrl-C) pass through, so
 * tests need not wait.
 */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), 0);

  void sleep(Duration duration) throws InterruptedException;
}
