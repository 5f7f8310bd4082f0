package dev.vis.store;

import static dev.vis.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.analysis.RunCounts;
import dev.vis.analysis.UntrackedBrand;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The run results half of the store contract ({@link StoreContractTest}): what a report reads
 * instead of a run's answers is read back exactly, and only while it still holds.
 */
abstract class StoreResultsContract extends StoreContract {
  /** Run A with two of its tasks answered, and its results as computed from them. */
  RunResults answeredRunA() {
    long[] tasks = tasksOfNewRunA();
    store.write(
        List.of(
            StoreFixtures.answered(tasks[0], "Try Acme CRM.", 1, Optional.empty(), true),
            StoreFixtures.answered(tasks[2], "Acme CRM, say.")));
    RunResults computed =
        RunResults.fromAnswers(store, A, store.storedRun(A).spec(), /* withUntracked */ true);
    return new RunResults(
        computed.counts(),
        computed.served(),
        Optional.of(List.of(new UntrackedBrand("Zendesk", 2), new UntrackedBrand("Hub & Co", 1))));
  }

  @Test
  void results_are_read_back_exactly_while_the_run_has_the_answers_they_cover() {
    RunResults results = answeredRunA();
    assertThat(results.counts().answers()).isEqualTo(2);
    assertThat(results.counts().groups()).hasSize(2);
    assertThat(results.counts().domains()).isNotEmpty();

    store.saveResults(A, results);
    try (Store reading = open(Access.READ, at(T0), ENV)) {
      Optional<RunResults> read = reading.results(reading.run(A));

      assertThat(read).isPresent();
      assertThat(read.get()).usingRecursiveComparison().isEqualTo(results);
    }
  }

  @Test
  void saving_again_replaces_them_and_results_without_untracked_brands_read_as_such() {
    RunResults results = answeredRunA();
    store.saveResults(A, results);
    RunResults without = new RunResults(results.counts(), results.served(), Optional.empty());

    store.saveResults(A, without);

    assertThat(store.results(store.run(A)).orElseThrow().untracked()).isEmpty();
  }

  @Test
  void results_of_fewer_answers_than_the_run_has_now_are_never_read() {
    RunResults results = answeredRunA();
    store.saveResults(A, results);
    long pending = store.unfinishedTasks(A).get(0).id();

    store.write(List.of(StoreFixtures.answered(pending, "Globex, later.")));

    assertThat(store.run(A).ok()).isEqualTo(3);
    assertThat(store.results(store.run(A))).isEmpty();
    assertThat(RunCounts.of(store.storedRun(A).spec(), sink -> store.forEachScoredAnswer(A, sink)))
        .extracting(RunCounts::answers)
        .isEqualTo(3L);
  }

  @Test
  void a_database_of_the_schema_before_results_is_read_and_has_none() {
    store.saveResults(A, answeredRunA());
    store.close();
    stampSchemaVersion(Migrations.RESULTS - 1);

    try (Store reading = open(Access.READ, at(T0), ENV)) {
      assertThat(reading.run(A).ok()).isEqualTo(2);
      assertThat(reading.results(reading.run(A))).isEmpty();
    }
    stampSchemaVersion(Migrations.RESULTS);
    store = open(Access.READ, at(T0), ENV);
    assertThat(store.results(store.run(A))).as("at the version with results").isPresent();
  }

  @Test
  void deleting_a_run_deletes_its_results() {
    store.saveResults(A, answeredRunA());

    store.delete(List.of(A));
    answeredRunA();

    assertThat(store.run(A).ok()).isEqualTo(2);
    assertThat(store.results(store.run(A))).isEmpty();
  }
}
