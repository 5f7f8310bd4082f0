package dev.vis.engine;

import dev.vis.store.Store;
import dev.vis.store.TaskOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The single writer: a platform thread (sqlite-jdbc's native calls are synchronized and would pin a
 * virtual thread's carrier) that drains task outcomes into short transactions and keeps the run's
 * heartbeat.
 *
 * <p>It commits at most once per {@link #GATHER}: an outcome that arrives after a quiet spell is
 * committed at once, and those that arrive within {@link #GATHER} of the last commit wait for the
 * next, together. Under load answers arrive one by one, and a transaction per answer or two (what
 * draining at once gave) spent more on each transaction's fixed cost (its begin and commit, its
 * statements, the write-ahead log's pages) than on the rows. It parks while it waits, so the calls
 * that queue meanwhile never wake it.
 */
final class AnswerWriter implements AutoCloseable {
  private static final int MAX_BATCH = 256;
  static final Duration GATHER = Duration.ofMillis(20);
  private static final Duration HEARTBEAT = Duration.ofSeconds(10);

  private final Store store;
  private final String runId;
  private final Clock clock;
  private final Listener listener;
  private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile RuntimeException failure;
  private volatile boolean closing;

  AnswerWriter(Store store, String runId, Clock clock, Listener listener) {
    this.store = store;
    this.runId = runId;
    this.clock = clock;
    this.listener = listener;
    this.thread = Thread.ofPlatform().name("vis-writer").daemon(false).start(this::drain);
  }

  /** What the writer tells its run, from the writer's thread. */
  @FunctionalInterface
  interface Listener {
    /** Told once when a write fails: the run must stop, nothing more can be stored. */
    void failed(RuntimeException failure);

    /** Told how many outcomes each transaction committed, once it has. */
    default void committed(int count) {}
  }

  /** What the queue carries: an outcome to write, or the one stop marker {@link #close} adds. */
  private sealed interface Item {}

  private record Write(TaskOutcome outcome) implements Item {}

  private enum Stop implements Item {
    MARKER
  }

  /** Queues an outcome; it is committed within {@link #GATHER} and a transaction. */
  void submit(TaskOutcome outcome) {
    queue.add(new Write(outcome));
  }

  private void drain() {
    Instant lastBeat = clock.instant();
    List<Item> items = new ArrayList<>(MAX_BATCH);
    List<TaskOutcome> batch = new ArrayList<>(MAX_BATCH);
    boolean stopping = false;
    long lastCommit = System.nanoTime() - GATHER.toNanos();
    while (!stopping) {
      try {
        Item first = queue.poll(1, TimeUnit.SECONDS);
        if (first != null) {
          items.add(first);
          gather(lastCommit + GATHER.toNanos());
          queue.drainTo(items, MAX_BATCH - 1);
        }
      } catch (InterruptedException e) {
        stopping = true;
      }
      stopping |= collect(items, batch);
      if (stopping) {
        // anything queued behind the marker still belongs to the run
        queue.drainTo(items);
        collect(items, batch);
      }
      if (failure == null) {
        try {
          store.write(batch);
          if (!batch.isEmpty()) {
            lastCommit = System.nanoTime();
            listener.committed(batch.size());
          }
          Instant now = clock.instant();
          if (Duration.between(lastBeat, now).compareTo(HEARTBEAT) >= 0) {
            store.heartbeat(runId, now);
            lastBeat = now;
          }
        } catch (RuntimeException | OutOfMemoryError e) {
          failure =
              e instanceof OutOfMemoryError oom ? new OutOfMemoryStop(oom) : (RuntimeException) e;
          listener.failed(failure);
        }
      }
      batch.clear();
    }
  }

  /** Waits until {@code deadline} for more outcomes, unless a batch is full or the run closes. */
  private void gather(long deadline) {
    for (long left = deadline - System.nanoTime();
        left > 0 && !closing && queue.size() < MAX_BATCH && !Thread.currentThread().isInterrupted();
        left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(this, left);
    }
  }

  /** Moves the items' outcomes into the batch; whether the stop marker was among them. */
  private static boolean collect(List<Item> items, List<TaskOutcome> batch) {
    boolean stop = false;
    for (Item item : items) {
      switch (item) {
        case Write w -> batch.add(w.outcome());
        case Stop s -> stop = true;
      }
    }
    items.clear();
    return stop;
  }

  /** The write error that stopped the writer, if one did. */
  java.util.Optional<RuntimeException> failure() {
    return java.util.Optional.ofNullable(failure);
  }

  /** Commits everything queued, then stops. */
  @Override
  public void close() {
    queue.add(Stop.MARKER);
    closing = true;
    LockSupport.unpark(thread);
    Uninterruptibly.join(thread);
  }
}
