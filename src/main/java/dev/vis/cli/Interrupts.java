package dev.vis.cli;

import java.util.function.Consumer;

/**
 * Where the signals that stop a run come from: the process's SIGINT, SIGTERM and SIGHUP in
 * production ({@link SignalInterrupts}), a test's own button in tests, so the two-stage stop can be
 * driven without sending real signals.
 */
public interface Interrupts {
  /** No signal ever arrives; {@link #halt} does nothing. For embedding and tests. */
  Interrupts NONE =
      new Interrupts() {
        @Override
        public Watch watch(Consumer<StopSignal> onSignal) {
          return () -> {};
        }

        @Override
        public void halt(int status) {}
      };

  /**
   * Calls {@code onSignal} on every stop signal, on a thread of its own, until the watch is closed;
   * meanwhile the signals do not end the process by themselves.
   */
  Watch watch(Consumer<StopSignal> onSignal);

  /** Ends the process at once, skipping shutdown hooks (the second signal). */
  default void halt(int status) {
    Runtime.getRuntime().halt(status);
  }

  /** A watch in force; closing it restores what the signals did before. */
  @FunctionalInterface
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }
}
