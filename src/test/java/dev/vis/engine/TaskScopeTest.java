package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskScopeTest {
  @Test
  void cancel_interrupts_every_waiting_task_and_close_waits_for_them() throws Exception {
    AtomicInteger interrupted = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(10);
    TaskScope scope = new TaskScope("test");
    for (int i = 0; i < 10; i++) {
      scope.fork(
          () -> {
            started.countDown();
            try {
              new CountDownLatch(1).await();
            } catch (InterruptedException e) {
              interrupted.incrementAndGet();
            }
          });
    }
    started.await();
    scope.cancel();
    scope.close();
    assertThat(interrupted).hasValue(10);
  }

  @Test
  void a_cancelled_scope_starts_nothing_new() {
    AtomicInteger ran = new AtomicInteger();
    try (TaskScope scope = new TaskScope("test")) {
      scope.cancel();
      scope.fork(ran::incrementAndGet);
    }
    assertThat(ran).hasValue(0);
  }

  @Test
  void join_returns_when_every_task_has_finished() throws Exception {
    AtomicInteger ran = new AtomicInteger();
    try (TaskScope scope = new TaskScope("test")) {
      for (int i = 0; i < 100; i++) {
        scope.fork(ran::incrementAndGet);
      }
      scope.join();
      assertThat(ran).hasValue(100);
    }
  }
}
