package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.EndpointKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PermitPoolTest {
  private static final EndpointKey BUSY =
      new EndpointKey("busy", Optional.empty(), Optional.empty());
  private static final EndpointKey IDLE =
      new EndpointKey("idle", Optional.empty(), Optional.empty());
  private static final CallTicket CALL = new CallTicket(1, BUSY, "model", 100, 0);
  private static final CallTicket ELSEWHERE = new CallTicket(2, IDLE, "other", 100, 0);

  private final List<String> served = Collections.synchronizedList(new ArrayList<>());

  /** Starts a call that takes its permits in {@code lane}, says so, and keeps them. */
  private Thread waitFor(PermitPool pool, CallTicket ticket, PermitPool.Lane lane, String name) {
    return Thread.ofVirtual()
        .start(
            () -> {
              try {
                pool.acquire(ticket, lane);
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
    PermitPool pool = new PermitPool(1, Map.of(), Map.of());
    pool.acquire(CALL, PermitPool.Lane.FIRST);
    waitFor(pool, CALL, PermitPool.Lane.FIRST, "fresh 1");
    untilWaiting(pool, 1);
    waitFor(pool, ELSEWHERE, PermitPool.Lane.FIRST, "fresh 2");
    untilWaiting(pool, 2);
    waitFor(pool, ELSEWHERE, PermitPool.Lane.RETRY, "retry 1");
    untilWaiting(pool, 3);
    waitFor(pool, CALL, PermitPool.Lane.RETRY, "retry 2");
    untilWaiting(pool, 4);

    for (int i = 1; i <= 4; i++) {
      pool.release(CALL);
      untilServed(i);
      assertThat(pool.waiting()).as("one permit, one call at a time").isEqualTo(4 - i);
    }

    assertThat(served).containsExactly("retry 1", "retry 2", "fresh 1", "fresh 2");
  }

  @Test
  void a_call_held_up_by_its_own_cap_holds_no_permit_and_lets_other_calls_pass() throws Exception {
    PermitPool pool = new PermitPool(2, Map.of(BUSY, 1), Map.of());
    pool.acquire(CALL, PermitPool.Lane.FIRST);
    waitFor(pool, CALL, PermitPool.Lane.RETRY, "same endpoint");
    untilWaiting(pool, 1);

    waitFor(pool, ELSEWHERE, PermitPool.Lane.FIRST, "other endpoint");
    untilServed(1);
    waitFor(pool, ELSEWHERE, PermitPool.Lane.FIRST, "third");
    untilWaiting(pool, 2);
    pool.release(ELSEWHERE);
    untilServed(2);

    assertThat(served).containsExactly("other endpoint", "third");
    pool.release(CALL);
    pool.release(ELSEWHERE);
    untilServed(3);
    assertThat(served).last().isEqualTo("same endpoint");
  }

  @Test
  void a_call_interrupted_while_waiting_leaves_the_queue_holding_nothing() throws Exception {
    PermitPool pool = new PermitPool(1, Map.of(BUSY, 1), Map.of("model", 1));
    pool.acquire(CALL, PermitPool.Lane.FIRST);
    Thread retry = waitFor(pool, CALL, PermitPool.Lane.RETRY, "retry");
    untilWaiting(pool, 1);

    retry.interrupt();
    retry.join();
    assertThat(served).containsExactly("retry interrupted");
    assertThat(pool.waiting()).isZero();

    pool.release(CALL);
    pool.acquire(CALL, PermitPool.Lane.FIRST); // the one permit is back, and only one
    waitFor(pool, ELSEWHERE, PermitPool.Lane.FIRST, "after");
    untilWaiting(pool, 1);
    assertThat(served).containsExactly("retry interrupted");
    pool.release(CALL);
    untilServed(2);
  }

  @Test
  void an_interrupted_call_takes_no_permit_even_when_one_is_free() {
    PermitPool pool = new PermitPool(1, Map.of(), Map.of());
    AtomicBoolean refused = new AtomicBoolean();
    Thread.currentThread().interrupt();
    try {
      pool.acquire(CALL, PermitPool.Lane.RETRY);
    } catch (InterruptedException e) {
      refused.set(true);
    }
    assertThat(refused).isTrue();
    waitFor(pool, CALL, PermitPool.Lane.FIRST, "next");
    untilServed(1);
    assertThat(served).containsExactly("next");
  }
}
