package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.ProviderFactory;
import dev.vis.store.RunStatus;
import dev.vis.store.RunSummary;
import dev.vis.store.StoredRun;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReplayTest {
  @TempDir Path dir;

  @Test
  void re_analyses_every_stored_answer_into_a_new_run_linked_to_its_source() {
    EngineFixture fixture = new EngineFixture(dir);
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

    String id =
        new RunReplay(fixture.store, fixture.clock, java.util.Map.of())
            .replay(source.summary().id(), Optional.empty());

    RunSummary replayed = fixture.store.findRun(id).orElseThrow();
    assertThat(id).isNotEqualTo(source.summary().id());
    assertThat(replayed.sourceRunId()).contains(source.summary().id());
    assertThat(replayed.status()).isEqualTo(RunStatus.DONE);
    assertThat(replayed.ok()).isEqualTo(12);
    assertThat(fixture.store.scoredAnswers(id))
        .hasSameSizeAs(fixture.store.scoredAnswers(source.summary().id()));
  }
}
