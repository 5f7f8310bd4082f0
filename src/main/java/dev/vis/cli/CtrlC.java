package dev.vis.cli;

import dev.vis.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What Ctrl-C does during a run: the first press stops scheduling and lets calls in flight drain;
 * the second ends the process at once, which SQLite's write-ahead log makes safe for the database
 * (the last committed transaction survives, an uncommitted one vanishes). Thread-safe.
 */
final class CtrlC implements Runnable {
  private final Runnable stop;
  private final Interrupts interrupts;
  private final PrintWriter err;
  private final Supplier<String> resumeHint;
  private final AtomicInteger presses = new AtomicInteger();

  /**
   * @param stop asks the run to stop scheduling and drain
   * @param resumeHint the command that finishes the run later
   */
  CtrlC(Runnable stop, Interrupts interrupts, PrintWriter err, Supplier<String> resumeHint) {
    this.stop = stop;
    this.interrupts = interrupts;
    this.err = err;
    this.resumeHint = resumeHint;
  }

  @Override
  public void run() {
    if (presses.incrementAndGet() == 1) {
      say(
          "vis: interrupted: no new calls; finishing the calls in flight (a few seconds)."
              + " Ctrl-C again to quit at once.");
      stop.run();
      return;
    }
    say("vis: quitting at once; answers stored so far are safe. Resume with: " + resumeHint.get());
    interrupts.halt(ExitCode.INTERRUPTED);
  }

  /** Whether Ctrl-C was pressed at least once. */
  boolean pressed() {
    return presses.get() > 0;
  }

  private void say(String line) {
    err.println();
    err.println(line);
    err.flush();
  }
}
