package dev.vis.store;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.sqlite.BusyHandler;

/**
 * Waits for another process's write lock in steps of a millisecond, up to the busy timeout.
 * SQLite's own timeout handler sleeps up to 100 ms between tries, and a vis run's writer, which
 * commits batch after batch, takes the lock again within microseconds: a second process waking
 * every 100 ms almost never finds it free and could wait its whole timeout while the file was
 * writable thousands of times. One connection's handler; a connection is used by one thread.
 */
final class SqliteBusyWait extends BusyHandler {
  static final long STEP_NANOS = 1_000_000;

  private final long timeoutNanos;
  private final LongSupplier clock;
  private final LongConsumer pause;
  private long since;

  SqliteBusyWait(Duration timeout) {
    this(timeout, System::nanoTime, LockSupport::parkNanos);
  }

  SqliteBusyWait(Duration timeout, LongSupplier clock, LongConsumer pause) {
    this.timeoutNanos = timeout.toNanos();
    this.clock = clock;
    this.pause = pause;
  }

  /** 1 to try again after a step, 0 to give up with SQLITE_BUSY once the timeout has passed. */
  @Override
  protected int callback(int previousTries) {
    long now = clock.getAsLong();
    if (previousTries == 0) {
      since = now;
    }
    if (now - since >= timeoutNanos) {
      return 0;
    }
    pause.accept(STEP_NANOS);
    return 1;
  }
}
