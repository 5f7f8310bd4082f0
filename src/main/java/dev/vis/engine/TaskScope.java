package dev.vis.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A structured scope over virtual threads: every task forked in it ends before {@link #close()}
 * returns, and {@link #cancel()} interrupts every task still running.
 *
 * <p>vis keeps this small type instead of the JDK's {@code StructuredTaskScope}, a preview API
 * whose shape changes each release (see docs/decisions/structured-scope.md). Thread-safe.
 */
final class TaskScope implements AutoCloseable {
  private final ExecutorService executor;
  private volatile boolean cancelled;

  TaskScope(String name) {
    this.executor =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-", 0).factory());
  }

  /** Starts a task on its own virtual thread; does nothing once the scope is cancelled. */
  void fork(Runnable task) {
    if (cancelled) {
      return;
    }
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      // cancelled between the check and the submit: the task is simply not started
    }
  }

  /** Interrupts every running task and refuses new ones. */
  void cancel() {
    cancelled = true;
    executor.shutdownNow();
  }

  boolean isCancelled() {
    return cancelled;
  }

  /** Waits for every forked task to finish. */
  void join() throws InterruptedException {
    executor.shutdown();
    while (!executor.awaitTermination(1, TimeUnit.HOURS)) {
      // keep waiting: a run may be long
    }
  }

  /** Cancels what is still running and waits for it: nothing outlives the scope. */
  @Override
  public void close() {
    if (executor.isTerminated()) {
      return;
    }
    cancel();
    boolean interrupted = false;
    while (true) {
      try {
        if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
