package dev.vis.engine;

import dev.vis.store.PendingTask;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A worker's tasks, leased from the shared run a small batch at a time, and only when there is room
 * for them among the calls in flight: a worker never holds more than it can soon call. It ends when
 * the run has no pending task that is not this worker's own: while others hold leases it waits, and
 * takes their tasks if those leases lapse.
 *
 * <p>Room comes back as outcomes are committed, not as answers arrive: a worker killed at any
 * moment loses no more than its calls in flight and the answers of one write.
 *
 * <p>Iterated by one thread (the engine's loop); {@link #settled} and {@link #stop} from any.
 */
final class LeasedTasks implements Iterable<PendingTask> {
  private final WorkerSeat seat;
  private final int batch;
  private final Duration poll;
  private final Sleeper sleeper;
  private final Semaphore room; // permits: leased tasks this worker may still take on
  private volatile boolean stopped;

  LeasedTasks(WorkerSeat seat, int concurrency, Sleeper sleeper) {
    this.seat = seat;
    this.batch = Math.max(1, Math.min(10, concurrency));
    Duration lease = seat.lease();
    this.poll =
        lease.dividedBy(5).compareTo(Duration.ofSeconds(1)) < 0
            ? lease.dividedBy(5)
            : Duration.ofSeconds(1);
    this.sleeper = sleeper;
    this.room = new Semaphore(concurrency + batch);
  }

  /** {@code count} leased tasks have their outcomes committed (or were given up): room for more. */
  void settled(int count) {
    room.release(count);
  }

  /** Takes no more tasks. */
  void stop() {
    stopped = true;
  }

  @Override
  public Iterator<PendingTask> iterator() {
    Deque<PendingTask> queue = new ArrayDeque<>();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        try {
          while (queue.isEmpty()) {
            if (stopped) {
              return false;
            }
            if (!room.tryAcquire(batch, poll.toMillis(), TimeUnit.MILLISECONDS)) {
              continue;
            }
            var leased = seat.store().lease(seat.runId(), seat.worker(), batch, seat.lease());
            room.release(batch - leased.size());
            if (!leased.isEmpty()) {
              queue.addAll(leased);
            } else if (seat.store().pendingElsewhere(seat.runId(), seat.worker()) == 0) {
              return false;
            } else {
              sleeper.sleep(poll);
            }
          }
          return true;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }

      @Override
      public PendingTask next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return queue.removeFirst();
      }
    };
  }
}
