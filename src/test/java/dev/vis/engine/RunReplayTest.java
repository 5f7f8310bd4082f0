package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.analysis.ScoredAnswer;
import dev.vis.provider.ProviderFactory;
import dev.vis.store.ExportTable;
import dev.vis.store.RunStatus;
import dev.vis.store.RunSummary;
import dev.vis.store.StoredRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReplayTest {
  @TempDir Path dir;

  @Test
  void re_analyses_every_stored_answer_into_a_new_run_linked_to_its_source() {
    EngineFixture fixture = new EngineFixture(dir);
    StoredRun source = answeredRun(fixture);

    String id =
        new RunReplay(fixture.store, fixture.clock, Map.of())
            .replay(source.summary().id(), Optional.empty())
            .runId();

    RunSummary replayed = fixture.store.findRun(id).orElseThrow();
    assertThat(id).isNotEqualTo(source.summary().id());
    assertThat(replayed.sourceRunId()).contains(source.summary().id());
    assertThat(replayed.status()).isEqualTo(RunStatus.DONE);
    assertThat(replayed.ok()).isEqualTo(12);
  }

  @Test
  void a_replay_under_the_same_rules_stores_the_very_mentions_and_citations_of_its_source() {
    EngineFixture fixture = new EngineFixture(dir);
    StoredRun source = answeredRun(fixture);
    String sourceId = source.summary().id();

    RunReplay.Replayed replayed =
        new RunReplay(fixture.store, fixture.clock, Map.of()).replay(sourceId, Optional.empty());

    assertThat(replayed.sourceRunId()).isEqualTo(sourceId);
    assertThat(replayed.answers()).isEqualTo(12);
    List<ScoredAnswer> original = fixture.store.scoredAnswers(sourceId);
    assertThat(original).anySatisfy(a -> assertThat(a.mentions()).isNotEmpty());
    assertThat(fixture.store.scoredAnswers(replayed.runId())).isEqualTo(original);
    for (ExportTable table : List.of(ExportTable.MENTIONS, ExportTable.CITATIONS)) {
      assertThat(withoutRunAndTask(fixture, replayed.runId(), table))
          .as(table.name())
          .isEqualTo(withoutRunAndTask(fixture, sourceId, table));
    }
  }

  @Test
  void a_run_with_no_answer_replays_into_a_done_run_with_its_tasks_and_no_analysis() {
    EngineFixture fixture = new EngineFixture(dir);
    String sourceId = fixture.newRun().summary().id();

    RunReplay.Replayed replayed =
        new RunReplay(fixture.store, fixture.clock, Map.of()).replay(sourceId, Optional.empty());

    RunSummary run = fixture.store.findRun(replayed.runId()).orElseThrow();
    assertThat(replayed.answers()).isZero();
    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(run.pending()).isEqualTo(fixture.store.findRun(sourceId).orElseThrow().pending());
    assertThat(run.pending()).isPositive();
  }

  /** A run of the fixture's spec with every task answered by the sim provider. */
  private static StoredRun answeredRun(EngineFixture fixture) {
    StoredRun source = fixture.newRun();
    new RunEngine(
            fixture.store,
            new ProviderFactory(Map.of(), fixture.clock),
            fixture.clock,
            d -> {},
            () -> 0.5)
        .execute(
            source,
            fixture.store.unfinishedTasks(source.summary().id()),
            2,
            RunEngine.Progress.NONE);
    return source;
  }

  /** An export table's rows with the columns that name the run and the task left out. */
  private static List<List<Object>> withoutRunAndTask(
      EngineFixture fixture, String runId, ExportTable table) {
    List<List<Object>> rows = new ArrayList<>();
    fixture.store.export(
        runId, table, row -> rows.add(new ArrayList<>(row.subList(2, row.size()))));
    return rows;
  }
}
