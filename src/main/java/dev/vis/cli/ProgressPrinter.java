package dev.vis.cli;

import dev.vis.engine.ProgressSnapshot;
import dev.vis.engine.RunEngine;
import dev.vis.engine.Sleeper;
import java.io.PrintWriter;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Progress on stderr: a live line redrawn in place on a terminal, a plain line every 30 s otherwise
 * (cron, CI). Time comes from the injected clock and the ticker waits through the injected sleeper;
 * {@link #tick()} decides whether a line is due, so tests drive it without waiting. Thread-safe:
 * tasks report from many threads, a ticker thread prints.
 */
final class ProgressPrinter implements RunEngine.Progress {
  static final Duration LIVE_EVERY = Duration.ofMillis(250);
  static final Duration PLAIN_EVERY = Duration.ofSeconds(30);

  private final PrintWriter err;
  private final boolean live;
  private final boolean enabled;
  private final Clock clock;
  private final Sleeper pace;
  private volatile long total;
  private volatile ProgressSnapshot counts =
      new ProgressSnapshot(0, 0, 0, 0, 0, java.math.BigDecimal.ZERO);
  private volatile Instant startedAt;
  private volatile Instant lastLine;
  private volatile boolean drawn;
  private volatile Thread ticker;

  /**
   * @param pace how the ticker waits between ticks
   */
  ProgressPrinter(PrintWriter err, ProgressMode mode, boolean terminal, Clock clock, Sleeper pace) {
    this.err = err;
    this.clock = clock;
    this.pace = pace;
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
    total = tasks;
    startedAt = clock.instant();
    lastLine = startedAt;
  }

  /** Starts a thread that calls {@link #tick()} a few times a second until {@link #stop()}. */
  void startTicker() {
    if (!enabled) {
      return;
    }
    ticker =
        Thread.ofPlatform()
            .daemon(true)
            .name("vis-progress")
            .start(
                () -> {
                  try {
                    while (!Thread.currentThread().isInterrupted()) {
                      pace.sleep(LIVE_EVERY);
                      tick();
                    }
                  } catch (InterruptedException e) {
                    // stopped
                  }
                });
  }

  @Override
  public void update(ProgressSnapshot counts) {
    this.counts = counts;
  }

  /** Prints a line when one is due: always on a terminal, every 30 s otherwise. */
  void tick() {
    Instant begun = startedAt;
    if (!enabled || begun == null) {
      return;
    }
    Instant now = clock.instant();
    if (!live && Duration.between(lastLine, now).compareTo(PLAIN_EVERY) < 0) {
      return;
    }
    lastLine = now;
    String line = line(now);
    synchronized (err) {
      if (live) {
        err.print("\r\033[K" + line);
        drawn = true;
      } else {
        err.println(line);
      }
      err.flush();
    }
  }

  /** The progress line at {@code now}. */
  String line(Instant now) {
    ProgressSnapshot c = counts;
    long done = c.ok() + c.failed();
    long all = total;
    double seconds = Math.max(0.001, Duration.between(startedAt, now).toMillis() / 1000.0);
    double answersPerSecond = done / seconds;
    String eta =
        answersPerSecond > 0 && all > done ? formatSeconds((all - done) / answersPerSecond) : "-";
    return String.format(
        Locale.ROOT,
        "%d/%d done, %d ok, %d failed, %d retrying, %.1f calls/s, $%s, ETA %s",
        done,
        all,
        c.ok(),
        c.failed(),
        c.retryingNow(),
        c.calls() / seconds,
        c.costUsd().setScale(4, RoundingMode.HALF_UP).toPlainString(),
        eta);
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
    }
    if (live && drawn) {
      synchronized (err) {
        err.print("\r\033[K");
        err.flush();
        drawn = false;
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
