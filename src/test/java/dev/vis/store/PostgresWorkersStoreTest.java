package dev.vis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the workers of one run hold together in PostgreSQL: heartbeats and the shares they give, the
 * run's budget reserved per call, and the end of the run by the last worker out.
 */
class PostgresWorkersStoreTest {
  static final Duration LEASE = Duration.ofSeconds(60);
  static final String RUN = "shared-run";

  String database;
  PostgresStore store;

  @BeforeEach
  void setUp() {
    String url = PostgresServer.freshDatabase();
    database = PostgresServer.databaseOf(url);
    store = (PostgresStore) Stores.open(url, Access.CREATE, Clock.systemUTC(), Map.of());
    store.createOrJoin(StoreFixtures.newRun(RUN, StoreFixtures.spec("crm"), Instant.now()));
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  /** Makes {@code worker}'s heartbeat two minutes old, as when its process was killed. */
  void silence(String worker) {
    PostgresServer.execute(
        database,
        "UPDATE vis.workers SET heartbeat_at = now() - interval '2 minutes' WHERE worker = '"
            + worker
            + "'");
  }

  @Test
  void every_worker_counts_the_live_ones_and_a_silent_one_is_dead_after_the_lease() {
    assertThat(store.beat(RUN, "a", 0, LEASE).live()).isEqualTo(1);
    assertThat(store.beat(RUN, "b", 0, LEASE).live()).isEqualTo(2);
    assertThat(store.beat(RUN, "c", 0, LEASE).live()).isEqualTo(3);

    silence("b");

    assertThat(store.beat(RUN, "a", 3, LEASE).live()).isEqualTo(2);
  }

  @Test
  void a_newcomer_waits_until_every_other_live_worker_has_taken_the_smaller_share() {
    store.beat(RUN, "a", 1, LEASE);

    WorkerBeat first = store.beat(RUN, "b", 0, LEASE);
    assertThat(first.live()).isEqualTo(2);
    assertThat(first.othersMadeRoom()).as("a still keeps the whole limit").isFalse();

    store.beat(RUN, "a", 2, LEASE); // a saw b and now keeps half

    assertThat(store.beat(RUN, "b", 2, LEASE).othersMadeRoom()).isTrue();
  }

  @Test
  void a_worker_alone_needs_no_room() {
    assertThat(store.beat(RUN, "a", 0, LEASE).othersMadeRoom()).isTrue();
  }

  @Test
  void reservations_of_three_workers_at_once_never_pass_the_cap() throws Exception {
    for (String w : List.of("a", "b", "c")) {
      store.beat(RUN, w, 0, LEASE);
    }
    List<Future<Boolean>> asked = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
      for (int i = 0; i < 30; i++) {
        String w = List.of("a", "b", "c").get(i % 3);
        asked.add(pool.submit(() -> store.reserve(RUN, w, 0.10, 1.00, LEASE).granted()));
      }
    }
    long granted = 0;
    for (Future<Boolean> f : asked) {
      granted += f.get() ? 1 : 0;
    }
    assertThat(granted).isEqualTo(10);
    Reservation refused = store.reserve(RUN, "a", 0.10, 1.00, LEASE);
    assertThat(refused.granted()).isFalse();
    assertThat(refused.othersInFlightUsd())
        .as("the others hold reservations that may yet come back")
        .isCloseTo(reservedBy("b", "c"), within(0.001));
  }

  double reservedBy(String... workers) {
    return PostgresServer.number(
            database,
            "SELECT round(sum(reserved_usd) * 1000) FROM vis.workers WHERE worker IN ('"
                + String.join("','", workers)
                + "')")
        / 1000.0;
  }

  @Test
  void settling_gives_back_the_estimate_and_keeps_what_was_spent() {
    store.beat(RUN, "a", 0, LEASE);
    store.beat(RUN, "b", 0, LEASE);
    assertThat(store.reserve(RUN, "a", 0.60, 1.00, LEASE).granted()).isTrue();
    assertThat(store.reserve(RUN, "b", 0.60, 1.00, LEASE).granted()).isFalse();

    store.settle(RUN, "a", 0.60, 0.25);
    store.settle(RUN, "a", 0.0, 0.20); // an older running total, arriving late

    assertThat(store.reserve(RUN, "b", 0.60, 1.00, LEASE).granted()).isTrue();
    assertThat(store.reserve(RUN, "b", 0.20, 1.00, LEASE).granted())
        .as("0.25 spent and 0.60 held leave 0.15")
        .isFalse();
  }

  @Test
  void a_dead_worker_s_reservation_counts_as_spent_and_is_not_waited_for() {
    store.beat(RUN, "a", 0, LEASE);
    store.beat(RUN, "b", 0, LEASE);
    assertThat(store.reserve(RUN, "a", 0.90, 1.00, LEASE).granted()).isTrue();
    silence("a");

    Reservation refused = store.reserve(RUN, "b", 0.20, 1.00, LEASE);

    assertThat(refused.granted()).isFalse();
    assertThat(refused.othersInFlightUsd()).isZero();
  }

  @Test
  void the_last_worker_out_ends_a_run_that_stopped_with_tasks_pending() {
    store.beat(RUN, "a", 0, LEASE);
    store.beat(RUN, "b", 0, LEASE);

    boolean first =
        store.leave(RUN, "a", RunStatus.DONE, Optional.of(RunStatus.BUDGET), LEASE, Instant.now());
    assertThat(first).as("b is still live").isFalse();
    assertThat(store.findRun(RUN).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

    boolean last =
        store.leave(RUN, "b", RunStatus.DONE, Optional.of(RunStatus.BUDGET), LEASE, Instant.now());
    assertThat(last).isTrue();
    assertThat(store.findRun(RUN).orElseThrow().status()).isEqualTo(RunStatus.BUDGET);
  }

  @Test
  void two_workers_leaving_at_once_never_both_miss_the_end() throws Exception {
    for (int round = 0; round < 5; round++) {
      String run = "race-" + round;
      store.createOrJoin(StoreFixtures.newRun(run, StoreFixtures.spec("crm"), Instant.now()));
      store.beat(run, "a", 0, LEASE);
      store.beat(run, "b", 0, LEASE);
      try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
        for (String w : List.of("a", "b")) {
          pool.submit(
              () ->
                  store.leave(
                      run,
                      w,
                      RunStatus.DONE,
                      Optional.of(RunStatus.INTERRUPTED),
                      LEASE,
                      Instant.now()));
        }
      }
      assertThat(store.findRun(run).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
    }
  }

  @Test
  void a_worker_that_leaves_a_run_with_no_task_pending_ends_it_even_while_others_are_live() {
    store.beat(RUN, "a", 0, LEASE);
    store.beat(RUN, "b", 0, LEASE);
    for (PendingTask t : store.lease(RUN, "a", 10, LEASE)) {
      store.write(List.of(StoreFixtures.answered(t.id(), "Acme CRM")));
    }

    assertThat(store.leave(RUN, "a", RunStatus.DONE, Optional.empty(), LEASE, Instant.now()))
        .isTrue();
    assertThat(store.findRun(RUN).orElseThrow().status()).isEqualTo(RunStatus.DONE);
  }

  @Test
  void joining_a_run_its_workers_left_on_ctrl_c_works_it_again() {
    store.beat(RUN, "a", 0, LEASE);
    store.leave(RUN, "a", RunStatus.DONE, Optional.of(RunStatus.INTERRUPTED), LEASE, Instant.now());
    assertThat(store.findRun(RUN).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);

    store.createOrJoin(StoreFixtures.newRun(RUN, StoreFixtures.spec("crm"), Instant.now()));

    assertThat(store.findRun(RUN).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
  }
}
