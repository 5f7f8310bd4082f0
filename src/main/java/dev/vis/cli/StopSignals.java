package dev.vis.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What Ctrl-C (SIGINT), SIGTERM and SIGHUP do during one run: the first stops scheduling and lets
 * the calls in flight drain, and the run ends {@code interrupted} and resumable with that signal's
 * exit code; a second signal ends the process at once, which SQLite's write-ahead log makes safe
 * for the database (the last committed transaction survives, an uncommitted one vanishes). Where no
 * handler could be installed, a shutdown hook drains the same way and holds the JVM's exit until
 * the run is settled. Thread-safe; close it when the run has ended.
 */
final class StopSignals implements Consumer<StopSignal>, AutoCloseable {
  private final Runnable drain;
  private final Interrupts interrupts;
  private final PrintWriter err;
  private final Supplier<String> resumeHint;
  private final AtomicReference<StopSignal> first = new AtomicReference<>();
  private final CountDownLatch settled = new CountDownLatch(1);
  private final Thread hook;
  private final Interrupts.Watch watch;

  /**
   * Starts watching for the signals.
   *
   * @param drain asks the run to stop scheduling and drain
   * @param grace how long the drain may take, so the shutdown hook knows how long to hold the exit
   * @param resumeHint the command that finishes the run later
   */
  StopSignals(
      Runnable drain,
      Duration grace,
      Interrupts interrupts,
      PrintWriter err,
      Supplier<String> resumeHint) {
    this.drain = drain;
    this.interrupts = interrupts;
    this.err = err;
    this.resumeHint = resumeHint;
    this.hook = new Thread(() -> holdExit(grace), "vis-terminate");
    Runtime.getRuntime().addShutdownHook(hook);
    this.watch = interrupts.watch(this);
  }

  @Override
  public void accept(StopSignal signal) {
    if (first.compareAndSet(null, signal)) {
      say(
          "vis: "
              + (signal == StopSignal.INT ? "interrupted" : "stopped by " + signal.label())
              + ": no new calls; finishing the calls in flight (a few seconds)."
              + (signal == StopSignal.INT
                  ? " Ctrl-C again to quit at once."
                  : " Send it again to quit at once."));
      drain.run();
      return;
    }
    say("vis: quitting at once; answers stored so far are safe. Resume with: " + resumeHint.get());
    interrupts.halt(first.get().exitCode());
  }

  /** The signal that stopped the run, if one did. */
  Optional<StopSignal> received() {
    return Optional.ofNullable(first.get());
  }

  /**
   * The process's exit code: the stopping signal's when the run was interrupted (SPEC §3: the
   * signal's code comes before every other), else the run's own.
   */
  int exitCode(boolean interrupted, int runCode) {
    return interrupted ? received().map(StopSignal::exitCode).orElse(runCode) : runCode;
  }

  @Override
  public void close() {
    watch.close();
    settled.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook is running
    }
  }

  /** The shutdown hook: drains like a first signal and waits for the run to settle. */
  private void holdExit(Duration grace) {
    drain.run();
    try {
      settled.await(grace.plusSeconds(7).toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void say(String line) {
    err.println();
    err.println(line);
    err.flush();
  }
}
