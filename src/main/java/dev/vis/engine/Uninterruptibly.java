package dev.vis.engine;

/** Waits for what must end, even when the waiting thread is interrupted meanwhile. */
final class Uninterruptibly {
  private Uninterruptibly() {}

  /** Waits for {@code thread} to end, then restores the caller's interrupt if one came. */
  static void join(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
