package dev.vis.store;

import static dev.vis.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What an implementation's contract test says, and what the contract's tests share: the store they
 * work on, its runs and owners, and how they read exports. The tests are in {@link
 * StoreResultsContract}, {@link StoreReplayContract}, {@link StoreRunsContract} and {@link
 * StoreContractTest}; an implementation extends the last.
 */
abstract class StoreContract {
  static final String A = "01JDAAAAAAAAAAAAAAAAAAAAAA";
  static final String B = "01JDBBBBBBBBBBBBBBBBBBBBBB";
  static final String C = "01JDCCCCCCCCCCCCCCCCCCCCCC";
  static final String HOST = "contract-host";
  static final Map<String, String> ENV = Map.of("HOSTNAME", HOST);

  /** This process: alive, on this host. */
  static final Owner ME = new Owner(HOST, ProcessHandle.current().pid());

  /** A process of this host that is no more. */
  static final Owner GONE = new Owner(HOST, Long.MAX_VALUE - 1);

  /** A process on another machine, whose life this one cannot see. */
  static final Owner ELSEWHERE = new Owner("elsewhere", 42);

  /** The store every test works on, opened for writing with the clock 5 s after {@code T0}. */
  Store store;

  /**
   * Opens this test's database: a fresh, empty one for each test, the same one for every call
   * within a test (a store opened for reading sees what one opened for writing wrote).
   *
   * @param clock what the store reads the time from
   * @param env the environment the store is given ({@code HOSTNAME} names this host)
   */
  protected abstract Store open(Access access, Clock clock, Map<String, String> env);

  /** Sets this test's database's schema version, as a vis that knows it would have left it. */
  protected abstract void stampSchemaVersion(int version);

  static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  static NewRun newRun(String id, String name, Instant createdAt, Owner owner) {
    return StoreFixtures.newRun(id, StoreFixtures.spec(name), createdAt, owner);
  }

  /** Records a run of {@code name} created {@code seconds} after {@code T0} by this process. */
  NewRun create(String id, String name, int seconds) {
    NewRun run = newRun(id, name, T0.plusSeconds(seconds), ME);
    store.createRun(run);
    return run;
  }

  @BeforeEach
  void openTheStore() {
    store = open(Access.CREATE, at(T0.plusSeconds(5)), ENV);
  }

  @AfterEach
  void closeTheStore() {
    store.close();
  }

  /** Records run B as a replay of run A, sharing A's answers. */
  void createReplayB(NewRun source) {
    store.createRun(
        new NewRun(
            B,
            "rules.yaml",
            "version: 1\n",
            source.specSha256(),
            source.spec(),
            source.models(),
            List.of(),
            Optional.of(A),
            T0.plusSeconds(1),
            ME,
            2));
  }

  /** Creates run A of the crm spec; the ids of its tasks, in call order. */
  long[] tasksOfNewRunA() {
    create(A, "crm", 0);
    return tasksOf(A);
  }

  /** The ids of a run's tasks, in call order, while none is answered. */
  long[] tasksOf(String runId) {
    return store.unfinishedTasks(runId).stream().mapToLong(PendingTask::id).toArray();
  }

  /** A run's answers as the store streams them, in task order. */
  List<StoredAnswer> answersOf(String runId) {
    List<StoredAnswer> answers = new ArrayList<>();
    store.forEachAnswer(runId, answers::add);
    return answers;
  }

  /** The export rows of a run with numbers as plain decimals, so stores may differ in types. */
  List<List<Object>> export(String runId, ExportTable table) {
    List<List<Object>> rows = new ArrayList<>();
    store.export(
        runId,
        table,
        row -> {
          assertThat(row).hasSize(table.columns().size());
          rows.add(plain(row.toArray()));
        });
    return rows;
  }

  static List<Object> plain(Object... values) {
    return Arrays.stream(values)
        .map(
            v ->
                v instanceof Number n
                    ? (Object) new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
                    : v)
        .toList();
  }
}
