package dev.vis.store;

import static dev.vis.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vis.VisException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RunCopy} between the two stores, both ways, with runs longer than a page of tasks: the
 * copy reads back as the original, whole or not at all.
 */
class RunCopyTest {
  static final String RUN = "01JDAAAAAAAAAAAAAAAAAAAAAA";
  static final Map<String, String> ENV = Map.of("HOSTNAME", "copy-host");

  /** More than two pages of tasks, so pages are read and written across their edges. */
  static final int SAMPLES = RecordedTaskReads.PAGE + 101;

  @TempDir Path dir;
  Store sqlite;
  Store postgres;

  @BeforeEach
  void open() {
    Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
    sqlite = Stores.open(dir.resolve("local.db").toString(), Access.CREATE, clock, ENV);
    postgres = Stores.open(PostgresServer.freshDatabase(), Access.CREATE, clock, ENV);
  }

  @AfterEach
  void close() {
    sqlite.close();
    postgres.close();
  }

  @Test
  void a_run_copied_from_sqlite_to_postgresql_reads_back_as_the_original() {
    copiesFaithfully(sqlite, postgres);
  }

  @Test
  void a_run_copied_from_postgresql_to_sqlite_reads_back_as_the_original() {
    copiesFaithfully(postgres, sqlite);
  }

  @Test
  void a_copy_that_breaks_off_halfway_leaves_nothing_behind() {
    RunSummary run = bigRun(sqlite);
    AtomicInteger sent = new AtomicInteger();
    Consumer<Consumer<RecordedTask>> breaking =
        tasks ->
            sqlite.forEachRecordedTask(
                RUN,
                t -> {
                  if (sent.incrementAndGet() > RecordedTaskReads.PAGE + 10) {
                    throw new VisException(1, "the connection broke");
                  }
                  tasks.accept(t);
                });
    NewRun start =
        RunCopy.start(run, sqlite.storedRun(RUN), Optional.empty(), run.owner().orElseThrow());

    assertThatThrownBy(
            () ->
                postgres.importRun(
                    new ImportedRun(start, RunStatus.DONE, T0.plusSeconds(60), breaking)))
        .hasMessage("the connection broke");

    assertThat(postgres.findRun(RUN)).isEmpty();
    assertThat(postgres.runs()).isEmpty();
    assertThat(new RunCopy(sqlite, postgres, ENV).copy(run))
        .singleElement()
        .satisfies(c -> assertThat(c.already()).isFalse());
  }

  private void copiesFaithfully(Store from, Store to) {
    RunSummary run = bigRun(from);
    RunResults results = RunResults.fromAnswers(from, RUN, from.storedRun(RUN).spec(), true);
    from.saveResults(RUN, results);

    List<RunCopy.Copied> first = new RunCopy(from, to, ENV).copy(run);
    List<RunCopy.Copied> second = new RunCopy(from, to, ENV).copy(run);

    assertThat(first).singleElement().satisfies(c -> assertThat(c.already()).isFalse());
    assertThat(second).singleElement().satisfies(c -> assertThat(c.already()).isTrue());
    RunSummary copied = to.findRun(RUN).orElseThrow();
    assertThat(copied)
        .usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(run);
    StoredRun original = from.storedRun(RUN);
    StoredRun copy = to.storedRun(RUN);
    assertThat(copy.spec()).isEqualTo(original.spec());
    assertThat(copy.specText()).isEqualTo(original.specText());
    assertThat(copy.models()).isEqualTo(original.models());
    assertThat(to.scoredAnswers(RUN)).isEqualTo(from.scoredAnswers(RUN));
    assertThat(to.servedModels(RUN)).isEqualTo(from.servedModels(RUN));
    assertThat(to.results(copied))
        .as("the stored results go along")
        .get()
        .usingRecursiveComparison()
        .isEqualTo(results);
    assertThat(recorded(to)).hasSize(2 * SAMPLES).isEqualTo(recorded(from));
    for (ExportTable table : ExportTable.values()) {
      assertThat(rows(to, table)).as(table.name()).isEqualTo(rows(from, table));
    }
  }

  /**
   * A done run of 2 × {@link #SAMPLES} tasks: every seventh failed after retries, the rest
   * answered.
   */
  private static RunSummary bigRun(Store store) {
    List<NewTask> tasks = new ArrayList<>();
    for (int sample = 1; sample <= SAMPLES; sample++) {
      tasks.add(new NewTask(tasks.size(), "best-crm", "sim-a", sample));
      tasks.add(new NewTask(tasks.size(), "cheap-crm", "sim-a", sample));
    }
    NewRun template =
        StoreFixtures.newRun(RUN, StoreFixtures.spec("big"), T0, StoreContract.ELSEWHERE);
    store.createRun(
        new NewRun(
            RUN,
            template.specPath(),
            template.specText(),
            template.specSha256(),
            template.spec(),
            template.models(),
            tasks,
            Optional.empty(),
            T0,
            template.owner(),
            template.specSamples()));
    List<TaskOutcome> outcomes = new ArrayList<>();
    for (PendingTask task : store.unfinishedTasks(RUN)) {
      int n = task.seq();
      outcomes.add(
          n % 7 == 0
              ? StoreFixtures.failed(task.id(), "HTTP 500 at " + n, 1, 2, 3)
              : StoreFixtures.answered(
                  task.id(),
                  "Acme CRM, answer " + n,
                  1 + n % 3,
                  n % 5 == 0 ? Optional.empty() : Optional.of(new BigDecimal("0.0006")),
                  n % 2 == 0));
      if (outcomes.size() == 200) {
        store.write(outcomes);
        outcomes.clear();
      }
    }
    store.write(outcomes);
    store.finish(RUN, RunStatus.DONE, T0.plusSeconds(60));
    return store.findRun(RUN).orElseThrow();
  }

  private static List<RecordedTask> recorded(Store store) {
    List<RecordedTask> tasks = new ArrayList<>();
    store.forEachRecordedTask(RUN, tasks::add);
    return tasks;
  }

  /** Export rows without the task id, each database's own row number, numbers as plain text. */
  private static List<List<Object>> rows(Store store, ExportTable table) {
    List<List<Object>> rows = new ArrayList<>();
    store.export(
        RUN,
        table,
        row -> {
          List<Object> values = new ArrayList<>(StoreContract.plain(row.toArray()));
          values.remove(1);
          rows.add(values);
        });
    return rows;
  }
}
