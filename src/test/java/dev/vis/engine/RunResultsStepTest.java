package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.analysis.RunCounts;
import dev.vis.analysis.UntrackedBrand;
import dev.vis.provider.ProviderFactory;
import dev.vis.spec.SpecLoader;
import dev.vis.store.RunResults;
import dev.vis.store.RunSummary;
import dev.vis.store.StoredRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultsStepTest {
  @TempDir Path dir;

  @Test
  void a_run_of_fewer_answers_than_the_minimum_stores_nothing() {
    EngineFixture fixture = new EngineFixture(dir);
    String id = answeredRun(fixture);

    assertThat(RunResultsStep.record(fixture.store, id)).isFalse();
    assertThat(RunResultsStep.record(fixture.store, id, 13)).isFalse();
    assertThat(RunResultsStep.record(fixture.store, fixture.store.run(id))).isFalse();

    assertThat(fixture.store.results(fixture.store.run(id))).isEmpty();
  }

  @Test
  void a_run_of_enough_answers_stores_its_counts_served_models_and_untracked_brands() {
    EngineFixture fixture = new EngineFixture(dir);
    String id = answeredRun(fixture);
    StoredRun stored = fixture.store.storedRun(id);

    assertThat(RunResultsStep.record(fixture.store, id, 12)).isTrue();

    RunSummary run = fixture.store.run(id);
    RunResults results = fixture.store.results(run).orElseThrow();
    assertThat(results.counts())
        .usingRecursiveComparison()
        .isEqualTo(
            RunCounts.of(stored.spec(), sink -> fixture.store.forEachScoredAnswer(id, sink)));
    assertThat(results.counts().answers()).isEqualTo(12);
    assertThat(results.served()).isEqualTo(fixture.store.servedModels(id));
    assertThat(results.untracked())
        .contains(RunResults.untracked(fixture.store, id, stored.spec()));
  }

  @Test
  void a_failed_write_of_the_results_is_no_failure_and_changes_no_answer() throws Exception {
    EngineFixture fixture = new EngineFixture(dir);
    String id = answeredRun(fixture);
    var before = fixture.store.scoredAnswers(id);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vis.db"));
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TRIGGER no_results BEFORE INSERT ON run_results"
              + " BEGIN SELECT RAISE(ABORT, 'the disk says no'); END");
    }

    assertThat(RunResultsStep.record(fixture.store, id, 0)).isFalse();

    assertThat(fixture.store.results(fixture.store.run(id))).isEmpty();
    assertThat(fixture.store.scoredAnswers(id)).isEqualTo(before);
    assertThat(fixture.store.run(id).ok()).isEqualTo(12);
  }

  @Test
  void a_replay_under_its_sources_rules_takes_the_sources_untracked_brands_and_counts_its_own() {
    EngineFixture fixture = new EngineFixture(dir);
    String source = answeredRun(fixture);
    RunResultsStep.record(fixture.store, source, 0);
    RunResults stored = fixture.store.results(fixture.store.run(source)).orElseThrow();
    // a list no text gives, so that only the source's results can have given it
    List<UntrackedBrand> marker = List.of(new UntrackedBrand("Marker", 99));
    fixture.store.saveResults(
        source, new RunResults(stored.counts(), stored.served(), Optional.of(marker)));
    String replay =
        new RunReplay(fixture.store, fixture.clock, Map.of())
            .replay(source, Optional.empty())
            .runId();

    assertThat(RunResultsStep.record(fixture.store, replay, 0)).isTrue();

    RunResults results = fixture.store.results(fixture.store.run(replay)).orElseThrow();
    assertThat(results.untracked()).contains(marker);
    assertThat(results.counts()).usingRecursiveComparison().isEqualTo(stored.counts());
  }

  @Test
  void a_replay_under_other_rules_finds_its_untracked_brands_again() throws Exception {
    EngineFixture fixture = new EngineFixture(dir);
    String source = answeredRun(fixture);
    RunResultsStep.record(fixture.store, source, 0);
    RunResults stored = fixture.store.results(fixture.store.run(source)).orElseThrow();
    List<UntrackedBrand> marker = List.of(new UntrackedBrand("Marker", 99));
    fixture.store.saveResults(
        source, new RunResults(stored.counts(), stored.served(), Optional.of(marker)));
    Path other = dir.resolve("other.yaml");
    Files.writeString(
        other, fixture.loaded.text().replace("aliases: [Acme]", "aliases: [Acme, ACRM]"));
    String replay =
        new RunReplay(fixture.store, fixture.clock, Map.of())
            .replay(source, Optional.of(SpecLoader.load(other, Map.of())))
            .runId();

    assertThat(RunResultsStep.record(fixture.store, replay, 0)).isTrue();

    StoredRun replayed = fixture.store.storedRun(replay);
    assertThat(fixture.store.results(fixture.store.run(replay)).orElseThrow().untracked())
        .contains(RunResults.untracked(fixture.store, replay, replayed.spec()));
  }

  @Test
  void a_run_that_is_gone_stores_nothing() {
    EngineFixture fixture = new EngineFixture(dir);

    assertThat(RunResultsStep.record(fixture.store, "01JDZZZZZZZZZZZZZZZZZZZZZZ", 0)).isFalse();
  }

  /** A run of the fixture's spec with its 12 tasks answered by the sim provider. */
  private static String answeredRun(EngineFixture fixture) {
    StoredRun run = fixture.newRun();
    new RunEngine(
            fixture.store,
            new ProviderFactory(Map.of(), fixture.clock),
            fixture.clock,
            d -> {},
            () -> 0.5)
        .execute(
            run, fixture.store.unfinishedTasks(run.summary().id()), 2, RunEngine.Progress.NONE);
    return run.summary().id();
  }
}
