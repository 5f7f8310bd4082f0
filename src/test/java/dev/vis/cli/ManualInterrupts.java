package dev.vis.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Stop signals at a test's command: {@link #press()} is Ctrl-C, {@link #send} any of them, each
 * calling the watching run's handler as the process's signal would; halts are recorded.
 */
final class ManualInterrupts implements Interrupts {
  private final CountDownLatch watching = new CountDownLatch(1);
  private volatile Consumer<StopSignal> handler;
  final List<Integer> halts = new CopyOnWriteArrayList<>();

  @Override
  public Watch watch(Consumer<StopSignal> onSignal) {
    handler = onSignal;
    watching.countDown();
    return () -> handler = null;
  }

  @Override
  public void halt(int status) {
    halts.add(status);
  }

  /** Presses Ctrl-C once a run watches for it. */
  void press() {
    send(StopSignal.INT);
  }

  /** Sends {@code signal} once a run watches for it. */
  void send(StopSignal signal) {
    try {
      if (!watching.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("no run watched for " + signal.label());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    Consumer<StopSignal> h = handler;
    if (h != null) {
      h.accept(signal);
    }
  }
}
