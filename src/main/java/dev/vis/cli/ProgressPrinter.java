package dev.vis.cli;

import dev.vis.engine.RunEngine;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress on stderr: a live line redrawn on a terminal, a plain line every 30 s otherwise
 * (cron, CI). Thread-safe: tasks report from many threads, a ticker thread prints.
 */
final class ProgressPrinter implements RunEngine.Progress {
  private static final Duration TERMINAL_TICK = Duration.ofMillis(250);
  private static final Duration PLAIN_TICK = Duration.ofSeconds(30);

  private final PrintWriter err;
  private final boolean live;
  private final boolean enabled;
  private final Clock clock;
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private volatile Instant startedAt;
  private volatile Thread ticker;

  ProgressPrinter(PrintWriter err, ProgressMode mode, boolean terminal, Clock clock) {
    this.err = err;
    this.clock = clock;
    this.enabled = mode != ProgressMode.NONE;
    this.live = mode == ProgressMode.AUTO && terminal;
  }

  /** The run is recorded; its id goes to stderr at once so a human can follow it. */
  void start(String runId) {
    if (enabled) {
      err.println("run " + runId);
      err.flush();
    }
  }

  @Override
  public void begin(long tasks) {
    total.set(tasks);
    startedAt = clock.instant();
    if (!enabled) {
      return;
    }
    Duration tick = live ? TERMINAL_TICK : PLAIN_TICK;
    ticker =
        Thread.ofVirtual()
            .name("vis-progress")
            .start(
                () -> {
                  try {
                    while (!Thread.currentThread().isInterrupted()) {
                      Thread.sleep(tick);
                      print();
                    }
                  } catch (InterruptedException e) {
                    // stopped
                  }
                });
  }

  @Override
  public void update(long ok, long failed, long retries) {
    this.ok.set(ok);
    this.failed.set(failed);
    this.retries.set(retries);
  }

  private void print() {
    long done = ok.get() + failed.get();
    long all = total.get();
    double seconds = Math.max(0.001, Duration.between(startedAt, clock.instant()).toMillis() / 1000.0);
    double rate = done / seconds;
    String eta = rate > 0 && all > done ? formatSeconds((all - done) / rate) : "-";
    String line =
        String.format(
            Locale.ROOT,
            "%d/%d done, %d ok, %d failed, %d retries, %.1f answers/s, ETA %s",
            done, all, ok.get(), failed.get(), retries.get(), rate, eta);
    synchronized (err) {
      if (live) {
        err.print("\r\033[K" + line);
      } else {
        err.println(line);
      }
      err.flush();
    }
  }

  /** Stops the ticker and clears the live line. */
  void stop() {
    Thread t = ticker;
    ticker = null;
    if (t != null) {
      t.interrupt();
      try {
        t.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (live) {
        synchronized (err) {
          err.print("\r\033[K");
          err.flush();
        }
      }
    }
  }

  static String formatSeconds(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
    }
    return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
  }
}
