package dev.vis.provider;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The deadlines of the response bodies in flight, watched by one daemon thread that wakes only when
 * the earliest of them passes: a body that ends in time costs a queue entry and no thread wake-up.
 * The JDK's timer ({@link CompletableFuture#orTimeout}) woke its scheduler thread twice per call,
 * to arm and to disarm, some 4,000 wake-ups in a run of 2,000 calls (docs/benchmarks.md).
 * Thread-safe.
 */
final class BodyDeadlines implements BoundedBody.Timer {
  /** The one every HTTP call of the process shares. */
  static final BodyDeadlines SHARED = new BodyDeadlines();

  private final ConcurrentLinkedQueue<Deadline> queue = new ConcurrentLinkedQueue<>();
  private final Thread watcher;

  /** When the watcher wakes next, unless {@link #looking}. */
  private volatile long wakeAt;

  /** Whether every new deadline must wake the watcher: it is looking, or has none to wait for. */
  private volatile boolean looking = true;

  BodyDeadlines() {
    watcher = Thread.ofPlatform().name("vis-body-deadlines").daemon(true).unstarted(this::watch);
    watcher.start();
  }

  @Override
  public CompletableFuture<Void> after(long delayNanos, Runnable task) {
    Deadline deadline = new Deadline(System.nanoTime() + delayNanos, task);
    // bodies mostly end in the order they began: drop the ended ones ahead so the queue stays short
    for (Deadline head = queue.peek(); head != null && head.isDone(); head = queue.peek()) {
      queue.remove(head);
    }
    queue.add(deadline);
    if (looking || deadline.at - wakeAt < 0) {
      LockSupport.unpark(watcher);
    }
    return deadline;
  }

  /** How many deadlines are still queued (ended ones included until swept); for tests. */
  int queued() {
    return queue.size();
  }

  private void watch() {
    while (true) {
      looking = true;
      long now = System.nanoTime();
      long next = Long.MAX_VALUE;
      boolean any = false;
      for (Iterator<Deadline> it = queue.iterator(); it.hasNext(); ) {
        Deadline d = it.next();
        if (d.isDone()) {
          it.remove();
        } else if (d.at - now <= 0) {
          it.remove();
          try {
            d.fire();
          } catch (RuntimeException e) {
            // the body is failed already; a task that throws must not stop the other deadlines
          }
        } else if (!any || d.at - next < 0) {
          next = d.at;
          any = true;
        }
      }
      if (!any) {
        LockSupport.park(this);
      } else {
        wakeAt = next; // before looking turns false: a caller that sees false sees this time
        looking = false;
        LockSupport.parkNanos(this, next - System.nanoTime());
      }
    }
  }

  /** One body's deadline: completing it (the body ended) disarms it and lets go of its task. */
  private static final class Deadline extends CompletableFuture<Void> {
    final long at;
    private volatile Runnable task;

    Deadline(long at, Runnable task) {
      this.at = at;
      this.task = task;
    }

    @Override
    public boolean complete(Void value) {
      task = null;
      return super.complete(value);
    }

    void fire() {
      Runnable run = task;
      if (run != null && super.complete(null)) {
        task = null;
        run.run();
      }
    }
  }
}
