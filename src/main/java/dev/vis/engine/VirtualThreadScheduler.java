package dev.vis.engine;

import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs Failsafe's attempts on virtual threads, waiting out retry delays through a {@link Sleeper}
 * so tests control time. Cancelling a scheduled attempt interrupts its thread.
 */
final class VirtualThreadScheduler implements Scheduler {
  private final Sleeper sleeper;

  VirtualThreadScheduler(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  @Override
  public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
    Duration wait = Duration.ofNanos(unit.toNanos(delay));
    Attempt attempt = new Attempt();
    attempt.thread =
        Thread.ofVirtual()
            .name("vis-attempt")
            .start(
                () -> {
                  try {
                    if (!wait.isZero()) {
                      sleeper.sleep(wait);
                    }
                    attempt.result.complete(callable.call());
                  } catch (Throwable t) {
                    attempt.result.completeExceptionally(t);
                  }
                });
    return attempt;
  }

  /** The future of one scheduled attempt. */
  private static final class Attempt implements ScheduledFuture<Object> {
    final CompletableFuture<Object> result = new CompletableFuture<>();
    volatile Thread thread;

    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed o) {
      return 0;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = result.cancel(false);
      if (mayInterruptIfRunning && thread != null) {
        thread.interrupt();
      }
      return cancelled;
    }

    @Override
    public boolean isCancelled() {
      return result.isCancelled();
    }

    @Override
    public boolean isDone() {
      return result.isDone();
    }

    @Override
    public Object get() throws InterruptedException, ExecutionException {
      return result.get();
    }

    @Override
    public Object get(long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      return result.get(timeout, unit);
    }
  }
}
