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
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The single writer: a platform thread (sqlite-jdbc's native calls are synchronized and would pin a
 * virtual thread's carrier) that drains task outcomes into short transactions and keeps the run's
 * heartbeat.
 */
final class AnswerWriter implements AutoCloseable {
  private static final int MAX_BATCH = 256;
  private static final Duration HEARTBEAT = Duration.ofSeconds(10);

  private final Store store;
  private final String runId;
  private final Clock clock;
  private final Consumer<RuntimeException> onFailure;
  private final IntConsumer onCommit;
  private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile RuntimeException failure;

  /**
   * @param onFailure told once when a write fails: the run must stop, nothing more can be stored
   */
  AnswerWriter(Store store, String runId, Clock clock, Consumer<RuntimeException> onFailure) {
    this(store, runId, clock, onFailure, count -> {});
  }

  /**
   * @param onCommit told how many outcomes each transaction committed, once it has
   */
  AnswerWriter(
      Store store,
      String runId,
      Clock clock,
      Consumer<RuntimeException> onFailure,
      IntConsumer onCommit) {
    this.store = store;
    this.runId = runId;
    this.clock = clock;
    this.onFailure = onFailure;
    this.onCommit = onCommit;
    this.thread = Thread.ofPlatform().name("vis-writer").daemon(false).start(this::drain);
  }

  /** What the queue carries: an outcome to write, or the one stop marker {@link #close} adds. */
  private sealed interface Item {}

  private record Write(TaskOutcome outcome) implements Item {}

  private enum Stop implements Item {
    MARKER
  }

  /** Queues an outcome; it is committed within milliseconds. */
  void submit(TaskOutcome outcome) {
    queue.add(new Write(outcome));
  }

  private void drain() {
    Instant lastBeat = clock.instant();
    List<Item> items = new ArrayList<>(MAX_BATCH);
    List<TaskOutcome> batch = new ArrayList<>(MAX_BATCH);
    boolean stopping = false;
    while (!stopping) {
      try {
        Item first = queue.poll(1, TimeUnit.SECONDS);
        if (first != null) {
          items.add(first);
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
            onCommit.accept(batch.size());
          }
          Instant now = clock.instant();
          if (Duration.between(lastBeat, now).compareTo(HEARTBEAT) >= 0) {
            store.heartbeat(runId, now);
            lastBeat = now;
          }
        } catch (RuntimeException | OutOfMemoryError e) {
          failure =
              e instanceof OutOfMemoryError oom ? new OutOfMemoryStop(oom) : (RuntimeException) e;
          onFailure.accept(failure);
        }
      }
      batch.clear();
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
