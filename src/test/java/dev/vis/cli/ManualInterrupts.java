package dev.vis.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C at a test's command: {@link #press()} calls the watching run's handler; halts are
 * recorded.
 */
final class ManualInterrupts implements Interrupts {
  private final CountDownLatch watching = new CountDownLatch(1);
  private volatile Runnable handler;
  final List<Integer> halts = new CopyOnWriteArrayList<>();

  @Override
  public Watch watch(Runnable onInterrupt) {
    handler = onInterrupt;
    watching.countDown();
    return () -> handler = null;
  }

  @Override
  public void halt(int status) {
    halts.add(status);
  }

  /** Presses Ctrl-C once a run watches for it. */
  void press() {
    try {
      if (!watching.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("no run watched for Ctrl-C");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    Runnable h = handler;
    if (h != null) {
      h.run();
    }
  }
}
