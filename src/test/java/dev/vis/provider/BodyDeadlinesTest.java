package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BodyDeadlinesTest {
  private static final long LONG = Duration.ofMinutes(10).toNanos();

  @Test
  void a_deadline_that_passes_runs_its_task_once() throws InterruptedException {
    BodyDeadlines deadlines = new BodyDeadlines();
    CountDownLatch fired = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();

    CompletableFuture<Void> disarm =
        deadlines.after(
            0,
            () -> {
              runs.incrementAndGet();
              fired.countDown();
            });

    assertThat(fired.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(disarm).isDone();
    disarm.complete(null); // a body ending after its deadline changes nothing
    assertThat(runs).hasValue(1);
  }

  @Test
  void a_disarmed_deadline_never_runs_its_task() throws InterruptedException {
    BodyDeadlines deadlines = new BodyDeadlines();
    AtomicInteger early = new AtomicInteger();
    CountDownLatch later = new CountDownLatch(1);

    deadlines.after(Duration.ofMillis(50).toNanos(), early::incrementAndGet).complete(null);
    // queued after the disarmed one and due after it: once it ran, the first one had its turn
    deadlines.after(Duration.ofMillis(100).toNanos(), later::countDown);

    assertThat(later.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(early).hasValue(0);
  }

  @Test
  void a_shorter_deadline_queued_behind_a_longer_one_is_not_kept_waiting()
      throws InterruptedException {
    BodyDeadlines deadlines = new BodyDeadlines();
    CountDownLatch shortOne = new CountDownLatch(1);
    AtomicInteger longOne = new AtomicInteger();

    deadlines.after(LONG, longOne::incrementAndGet);
    deadlines.after(0, shortOne::countDown);

    assertThat(shortOne.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(longOne).hasValue(0);
  }

  @Test
  void bodies_that_end_in_order_leave_no_deadlines_behind() {
    BodyDeadlines deadlines = new BodyDeadlines();

    for (int i = 0; i < 1_000; i++) {
      deadlines.after(LONG, () -> {}).complete(null);
    }

    assertThat(deadlines.queued()).isLessThanOrEqualTo(1);
  }

  @Test
  void a_task_that_throws_does_not_stop_the_deadlines_after_it() throws InterruptedException {
    BodyDeadlines deadlines = new BodyDeadlines();
    CountDownLatch after = new CountDownLatch(1);

    deadlines.after(
        0,
        () -> {
          throw new IllegalStateException("broken task");
        });
    deadlines.after(Duration.ofMillis(20).toNanos(), after::countDown);

    assertThat(after.await(30, TimeUnit.SECONDS)).isTrue();
  }
}
