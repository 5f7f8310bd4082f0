package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PermitPoolTest {
  private final List<String> served = Collections.synchronizedList(new ArrayList<>());

  /** Starts a call that takes a permit in {@code lane}, says so, and keeps it. */
  private Thread waitFor(PermitPool pool, PermitPool.Lane lane, String name) {
    return Thread.ofVirtual()
        .start(
            () -> {
              try {
                pool.acquire(lane);
                served.add(name);
              } catch (InterruptedException e) {
                served.add(name + " interrupted");
              }
            });
  }

  private static void untilWaiting(PermitPool pool, int count) {
    Spin.until(count + " calls waiting", () -> pool.waiting() == count);
  }

  private void untilServed(int count) {
    Spin.until(count + " calls served", () -> served.size() >= count);
  }

  @Test
  void a_retry_gets_the_next_free_permit_before_fresh_calls_that_waited_longer() throws Exception {
    PermitPool pool = new PermitPool(1);
    pool.acquire(PermitPool.Lane.FIRST);
    waitFor(pool, PermitPool.Lane.FIRST, "fresh 1");
    untilWaiting(pool, 1);
    waitFor(pool, PermitPool.Lane.FIRST, "fresh 2");
    untilWaiting(pool, 2);
    waitFor(pool, PermitPool.Lane.RETRY, "retry 1");
    untilWaiting(pool, 3);
    waitFor(pool, PermitPool.Lane.RETRY, "retry 2");
    untilWaiting(pool, 4);

    for (int i = 1; i <= 4; i++) {
      pool.release();
      untilServed(i);
      assertThat(pool.waiting()).as("one permit, one call at a time").isEqualTo(4 - i);
    }

    assertThat(served).containsExactly("retry 1", "retry 2", "fresh 1", "fresh 2");
  }

  @Test
  void a_free_permit_is_taken_at_once_in_either_lane_and_never_more_than_there_are()
      throws Exception {
    PermitPool pool = new PermitPool(2);
    pool.acquire(PermitPool.Lane.FIRST);
    pool.acquire(PermitPool.Lane.RETRY);
    assertThat(pool.waiting()).isZero();

    waitFor(pool, PermitPool.Lane.RETRY, "third");
    untilWaiting(pool, 1);
    assertThat(served).isEmpty();
    pool.release();
    untilServed(1);
    assertThat(served).containsExactly("third");
  }

  @Test
  void a_call_interrupted_while_waiting_leaves_the_queue_holding_nothing() throws Exception {
    PermitPool pool = new PermitPool(1);
    pool.acquire(PermitPool.Lane.FIRST);
    Thread retry = waitFor(pool, PermitPool.Lane.RETRY, "retry");
    untilWaiting(pool, 1);

    retry.interrupt();
    retry.join();
    assertThat(served).containsExactly("retry interrupted");
    assertThat(pool.waiting()).isZero();

    pool.release();
    pool.acquire(PermitPool.Lane.FIRST); // the one permit is back, and only one
    waitFor(pool, PermitPool.Lane.FIRST, "after");
    untilWaiting(pool, 1);
    assertThat(served).containsExactly("retry interrupted");
  }

  @Test
  void an_interrupted_call_takes_no_permit_even_when_one_is_free() {
    PermitPool pool = new PermitPool(1);
    AtomicBoolean refused = new AtomicBoolean();
    Thread.currentThread().interrupt();
    try {
      pool.acquire(PermitPool.Lane.RETRY);
    } catch (InterruptedException e) {
      refused.set(true);
    }
    assertThat(refused).isTrue();
    waitFor(pool, PermitPool.Lane.FIRST, "next");
    untilServed(1);
    assertThat(served).containsExactly("next");
  }
}
