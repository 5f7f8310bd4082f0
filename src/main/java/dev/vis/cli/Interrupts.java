package dev.vis.cli;

/**
 * Where Ctrl-C comes from: the process's SIGINT in production ({@link SignalInterrupts}), a test's
 * own button in tests, so the two-stage Ctrl-C can be driven without sending real signals.
 */
public interface Interrupts {
  /** No Ctrl-C ever arrives; {@link #halt} does nothing. For embedding and tests. */
  Interrupts NONE =
      new Interrupts() {
        @Override
        public Watch watch(Runnable onInterrupt) {
          return () -> {};
        }

        @Override
        public void halt(int status) {}
      };

  /**
   * Calls {@code onInterrupt} on every Ctrl-C, on a thread of its own, until the watch is closed;
   * meanwhile Ctrl-C does not end the process by itself.
   */
  Watch watch(Runnable onInterrupt);

  /** Ends the process at once, skipping shutdown hooks (the second Ctrl-C). */
  default void halt(int status) {
    Runtime.getRuntime().halt(status);
  }

  /** A watch in force; closing it restores what Ctrl-C did before. */
  @FunctionalInterface
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }
}
