package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.EndpointKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrencyGateTest {
  private static final EndpointKey ENDPOINT =
      new EndpointKey("local", Optional.empty(), Optional.empty());
  private static final CallTicket CAPPED = new CallTicket(1, ENDPOINT, "capped", 100, 0);
  private static final CallTicket FREE = new CallTicket(2, ENDPOINT, "free", 100, 0);

  private final List<String> served = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> started = new ArrayList<>();

  @AfterEach
  void stopWaitingCalls() throws InterruptedException {
    for (Thread thread : started) {
      thread.interrupt();
      thread.join();
    }
  }

  /** Runs {@code call} on a new thread; {@code name} is served once it returns. */
  private Thread start(String name, Call call) {
    Thread thread =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    call.run();
                    served.add(name);
                  } catch (InterruptedException e) {
                    served.add(name + " interrupted");
                  }
                });
    started.add(thread);
    return thread;
  }

  private interface Call {
    void run() throws InterruptedException;
  }

  /** Waits until {@code thread} is parked: waiting for a slot, as nothing else parks it. */
  private static void untilParked(Thread thread) {
    Spin.until(thread + " waits", () -> thread.getState() == Thread.State.WAITING);
  }

  private void untilServed(int count) {
    Spin.until(count + " calls served", () -> served.size() >= count);
  }

  /** Gates whose one slot for {@link #CAPPED} is held at each level in turn, then at all three. */
  private static List<ConcurrencyGate> oneSlotAtEachLevel() {
    return List.of(
        new ConcurrencyGate(1, Map.of(), Map.of()),
        new ConcurrencyGate(10, Map.of(ENDPOINT, 1), Map.of()),
        new ConcurrencyGate(10, Map.of(), Map.of("capped", 1)),
        new ConcurrencyGate(1, Map.of(ENDPOINT, 1), Map.of("capped", 1)));
  }

  // regression: workload C's retries queued behind every task not yet started, 2 s instead of 1 s
  @Test
  void a_retry_back_from_its_delay_goes_ahead_of_fresh_calls_waiting_at_every_level()
      throws Exception {
    for (ConcurrencyGate gate : oneSlotAtEachLevel()) {
      served.clear();
      CallSlot retrying = CallSlot.enter(gate, CAPPED);
      retrying.leave();
      CallSlot running = CallSlot.enter(gate, CAPPED);
      untilParked(start("fresh 1", () -> gate.enter(CAPPED)));
      untilParked(start("fresh 2", () -> gate.enter(CAPPED)));
      untilParked(start("retry", retrying::reenter));

      running.close();
      untilServed(1);
      assertThat(served).as("the one slot's next holder").containsExactly("retry");
      retrying.close();
      untilServed(2);
      assertThat(served).containsExactly("retry", "fresh 1");
      stopWaitingCalls();
      started.clear();
    }
  }

  @Test
  void a_fresh_call_waiting_for_the_global_slot_holds_no_model_slot_a_retry_needs()
      throws Exception {
    ConcurrencyGate gate = new ConcurrencyGate(1, Map.of(), Map.of("capped", 1));
    CallSlot retrying = CallSlot.enter(gate, CAPPED);
    retrying.leave();
    CallSlot elsewhere = CallSlot.enter(gate, FREE);
    untilParked(start("fresh", () -> gate.enter(CAPPED)));
    untilParked(start("retry", retrying::reenter));

    elsewhere.close();
    untilServed(1);

    assertThat(served).containsExactly("retry");
  }

  @Test
  void a_retry_interrupted_while_waiting_to_reenter_leaves_no_slot_behind() throws Exception {
    ConcurrencyGate gate = new ConcurrencyGate(1, Map.of(ENDPOINT, 1), Map.of("capped", 1));
    CallSlot retrying = CallSlot.enter(gate, CAPPED);
    retrying.leave();
    CallSlot running = CallSlot.enter(gate, CAPPED);
    Thread retry = start("retry", retrying::reenter);
    untilParked(retry);

    retry.interrupt();
    retry.join();
    retrying.close();
    running.close();

    assertThat(served).containsExactly("retry interrupted");
    CallGate.Pass next = gate.enter(CAPPED);
    untilParked(start("one more", () -> gate.enter(FREE)));
    assertThat(served).as("one slot in all, as before").containsExactly("retry interrupted");
    next.close();
    untilServed(2);
  }

  @Test
  void calls_leaving_and_reentering_never_pass_a_cap() throws Exception {
    ConcurrencyGate gate = new ConcurrencyGate(3, Map.of(ENDPOINT, 3), Map.of("capped", 2));
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger cappedInFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger mostCapped = new AtomicInteger();
    for (int i = 0; i < 24; i++) {
      CallTicket ticket = i % 2 == 0 ? CAPPED : FREE;
      AtomicInteger mine = ticket == CAPPED ? cappedInFlight : new AtomicInteger();
      Runnable in =
          () -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            mostCapped.accumulateAndGet(mine.incrementAndGet(), Math::max);
          };
      Runnable out =
          () -> {
            mine.decrementAndGet();
            inFlight.decrementAndGet();
          };
      start(
          "call " + i,
          () -> {
            for (int round = 0; round < 200; round++) {
              try (CallSlot slot = CallSlot.enter(gate, ticket)) {
                in.run();
                out.run();
                slot.leave();
                slot.reenter();
                in.run();
                out.run();
              }
            }
          });
    }
    untilServed(24);

    assertThat(served).noneMatch(name -> name.endsWith("interrupted"));
    assertThat(most.get()).isBetween(1, 3);
    assertThat(mostCapped.get()).isBetween(1, 2);
  }
}
