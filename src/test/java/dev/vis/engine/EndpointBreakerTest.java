package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EndpointBreakerTest {
  final FakeClock clock = new FakeClock();
  final EndpointBreaker breaker = new EndpointBreaker("local at http://127.0.0.1:8000/v1", clock);

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      assertThat(breaker.tryAcquire()).isTrue();
      breaker.failed("HTTP 500: boom");
    }
  }

  @Test
  void opens_after_five_consecutive_failures_and_refuses_naming_the_endpoint_and_the_cause() {
    fail(4);
    assertThat(breaker.refusal()).isEmpty();

    fail(1);

    assertThat(breaker.isOpen()).isTrue();
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.refusal())
        .hasValue(
            "endpoint local at http://127.0.0.1:8000/v1 circuit open after 5 consecutive failures (last: HTTP 500: boom); resume later");
  }

  @Test
  void a_success_between_failures_keeps_it_closed() {
    fail(4);
    breaker.tryAcquire();
    breaker.succeeded();

    fail(4);

    assertThat(breaker.isOpen()).isFalse();
  }

  @Test
  void after_the_delay_one_probe_passes_and_its_success_closes_the_breaker() {
    fail(5);
    clock.advance(EndpointBreaker.OPEN_DELAY.minusSeconds(1));
    assertThat(breaker.tryAcquire()).isFalse();
    clock.advance(Duration.ofSeconds(1));

    assertThat(breaker.refusal()).isEmpty();
    assertThat(breaker.tryAcquire()).as("the probe").isTrue();
    assertThat(breaker.tryAcquire()).as("a second call while the probe runs").isFalse();
    breaker.succeeded();

    assertThat(breaker.isOpen()).isFalse();
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void a_failed_probe_opens_it_again_for_another_delay() {
    fail(5);
    clock.advance(EndpointBreaker.OPEN_DELAY);
    assertThat(breaker.tryAcquire()).isTrue();

    breaker.failed("HTTP 503: overloaded");

    assertThat(breaker.isOpen()).isTrue();
    assertThat(breaker.refusal()).get().asString().contains("HTTP 503");
    clock.advance(EndpointBreaker.OPEN_DELAY);
    assertThat(breaker.tryAcquire()).isTrue();
  }
}
