package dev.vis.engine;

/**
 * Told about every call attempt as it ends, from the calling threads: implementations must be
 * thread-safe and quick.
 */
@FunctionalInterface
public interface AttemptListener {
  AttemptListener NONE = event -> {};

  void attemptEnded(AttemptEvent event);
}
