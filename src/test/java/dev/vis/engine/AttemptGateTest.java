package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vis.provider.FinalProviderException;
import dev.vis.provider.RetryableProviderException;
import dev.vis.store.StoredRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptGateTest {
  @TempDir Path dir;
  EngineFixture fixture;
  AttemptGate gate;
  ModelLane a;
  ModelLane b;

  @BeforeEach
  void setUp() {
    fixture = new EngineFixture(dir);
    StoredRun run = fixture.newRun();
    a = new ModelLane(run.models().get(0), request -> EngineFixture.answer("a"));
    b = new ModelLane(run.models().get(1), request -> EngineFixture.answer("b"));
    gate =
        new AttemptGate(
            Map.of(), Map.of(), fixture.clock, new EngineFixture.RecordingSleeper(fixture.clock));
  }

  private static FinalProviderException finalFailure(FinalProviderException.Kind kind, int status) {
    return new FinalProviderException(
        kind, "refused", OptionalInt.of(status), Optional.empty(), null);
  }

  private static RetryableProviderException outage() {
    return new RetryableProviderException(
        "overloaded", OptionalInt.of(503), Optional.empty(), Optional.empty(), null);
  }

  @Test
  void a_refused_key_stops_every_model_on_that_key_with_the_cause() throws Exception {
    gate.enter(a, 100).failed(finalFailure(FinalProviderException.Kind.AUTHENTICATION, 401));

    for (ModelLane lane : new ModelLane[] {a, b}) {
      assertThatThrownBy(() -> gate.enter(lane, 100))
          .isInstanceOfSatisfying(
              NotCalledException.class, e -> assertThat(e.category()).isEqualTo("authentication"))
          .hasMessageContaining("was refused")
          .hasMessageContaining("HTTP 401: refused")
          .hasMessageContaining("fix the key, then resume");
    }
  }

  @Test
  void a_spent_quota_stops_only_its_model() throws Exception {
    gate.enter(a, 100).failed(finalFailure(FinalProviderException.Kind.QUOTA, 402));

    assertThatThrownBy(() -> gate.enter(a, 100))
        .isInstanceOfSatisfying(
            NotCalledException.class, e -> assertThat(e.category()).isEqualTo("quota"))
        .hasMessageContaining("model sim-a has no quota left (HTTP 402: refused)");
    assertThat(gate.enter(b, 100)).isNotNull();
  }

  @Test
  void an_open_breaker_refuses_calls_with_the_last_failure_until_its_delay_has_passed()
      throws Exception {
    for (int i = 0; i < EndpointBreaker.FAILURE_THRESHOLD; i++) {
      gate.enter(a, 100).failed(outage());
    }

    assertThatThrownBy(() -> gate.enter(a, 100))
        .isInstanceOfSatisfying(
            NotCalledException.class, e -> assertThat(e.category()).isEqualTo("circuit open"))
        .hasMessageContaining("circuit open after 5 consecutive failures")
        .hasMessageContaining("last: HTTP 503: overloaded");

    fixture.clock.advance(EndpointBreaker.OPEN_DELAY);
    gate.enter(a, 100).answered(EngineFixture.answer("back"));
    assertThat(gate.enter(a, 100)).as("closed again after a good probe").isNotNull();
  }

  @Test
  void a_rate_limited_answer_does_not_open_the_breaker() throws Exception {
    for (int i = 0; i < EndpointBreaker.FAILURE_THRESHOLD * 2; i++) {
      gate.enter(a, 100)
          .failed(
              new RetryableProviderException(
                  "slow down",
                  OptionalInt.of(429),
                  Optional.empty(),
                  Optional.of(Duration.ofSeconds(1)),
                  null));
    }

    assertThat(gate.enter(a, 100)).isNotNull();
  }
}
