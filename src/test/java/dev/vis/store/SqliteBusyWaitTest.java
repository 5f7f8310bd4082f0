package dev.vis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteBusyWaitTest {
  private long now = 5_000_000_000L;
  private final List<Long> pauses = new ArrayList<>();
  private final SqliteBusyWait wait =
      new SqliteBusyWait(
          Duration.ofMillis(10),
          () -> now,
          nanos -> {
            pauses.add(nanos);
            now += nanos;
          });

  @Test
  void tries_again_every_millisecond_until_the_timeout_then_gives_up() {
    int tries = 0;
    while (wait.callback(tries) == 1) {
      tries++;
    }
    assertThat(tries).isEqualTo(10);
    assertThat(pauses).hasSize(10).containsOnly(SqliteBusyWait.STEP_NANOS);
  }

  @Test
  void a_new_wait_gets_the_whole_timeout_again() {
    for (int tries = 0; wait.callback(tries) == 1; tries++) {
      // wait out the first lock
    }
    now += Duration.ofSeconds(3).toNanos();
    assertThat(wait.callback(0)).as("the next lock's first try").isEqualTo(1);
  }

  @Test
  void a_zero_timeout_gives_up_at_once() {
    SqliteBusyWait none = new SqliteBusyWait(Duration.ZERO, () -> now, pauses::add);
    assertThat(none.callback(0)).isZero();
    assertThat(pauses).isEmpty();
  }
}
