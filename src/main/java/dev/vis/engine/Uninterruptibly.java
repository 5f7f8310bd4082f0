package dev.vis.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

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

  /**
   * Waits for {@code future}'s value, then restores the caller's interrupt if one came.
   *
   * @throws RuntimeException or {@link Error}: what the future's work threw, as it was thrown
   */
  static <T> T get(Future<T> future) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          if (e.getCause() instanceof Error r) {
            throw r;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
