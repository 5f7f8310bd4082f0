package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.EndpointKey;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BudgetGateTest {
  final AtomicReference<Double> spent = new AtomicReference<>(0.0);
  final BudgetGate gate =
      new BudgetGate(new BigDecimal("1.00"), new BigDecimal("0.50"), spent::get);

  private static CallTicket costing(double usd) {
    return new CallTicket(
        1, new EndpointKey("openai", Optional.empty(), Optional.empty()), "gpt", 100, usd);
  }

  @Test
  void admits_calls_while_spent_plus_in_flight_plus_the_call_stay_within_the_cap()
      throws Exception {
    CallGate.Pass first = gate.enter(costing(0.20));
    CallGate.Pass second = gate.enter(costing(0.30));

    assertThat(first).isNotSameAs(CallGate.Pass.REFUSED);
    assertThat(second).isNotSameAs(CallGate.Pass.REFUSED);
    assertThat(gate.stopped()).isFalse();
  }

  @Test
  void refuses_a_call_that_could_pass_the_cap_with_nothing_in_flight_and_every_call_after_it()
      throws Exception {
    gate.enter(costing(0.30)).close();
    spent.set(0.30);

    assertThat(gate.enter(costing(0.30))).isSameAs(CallGate.Pass.REFUSED);
    assertThat(gate.enter(costing(0.01))).as("stopped for good").isSameAs(CallGate.Pass.REFUSED);
    BudgetStop stop = gate.stop(new BigDecimal("0.90"));
    assertThat(stop.pendingTasks()).isEqualTo(2);
    assertThat(stop.pendingEstimateUsd().doubleValue()).isEqualTo(0.31);
    assertThat(stop.suggestedCapUsd()).isEqualByComparingTo("1.21");
  }

  @Test
  void a_call_that_does_not_fit_beside_the_calls_in_flight_waits_for_their_real_cost()
      throws Exception {
    CallGate.Pass inFlight = gate.enter(costing(0.40));
    java.util.concurrent.CompletableFuture<CallGate.Pass> waiting =
        new java.util.concurrent.CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                waiting.complete(gate.enter(costing(0.40)));
              } catch (InterruptedException e) {
                waiting.completeExceptionally(e);
              }
            });
    assertThat(waiting).isNotDone();

    spent.set(0.05);
    inFlight.close();

    assertThat(waiting.get()).isNotSameAs(CallGate.Pass.REFUSED);
    assertThat(gate.stopped()).isFalse();
  }

  @Test
  void cost_from_earlier_sessions_counts() throws Exception {
    BudgetGate spentOut = new BudgetGate(new BigDecimal("0.50"), new BigDecimal("0.50"), () -> 0.0);

    assertThat(spentOut.enter(costing(0.0001))).isSameAs(CallGate.Pass.REFUSED);
  }
}
