package dev.vis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vis.VisException;
import dev.vis.engine.AttemptListener;
import dev.vis.engine.PreparedRun;
import dev.vis.engine.RunOptions;
import dev.vis.engine.RunPreparation;
import dev.vis.engine.RunReplay;
import dev.vis.engine.RunService;
import dev.vis.provider.ProviderFactory;
import dev.vis.spec.LoadedSpec;
import dev.vis.spec.Secrets;
import dev.vis.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay the disk fills up under, while its writer thread stores the analyses, fails with the
 * disk's message, and leaves its run not done and every transaction whole: the source run as it
 * was, and no analysis of the batch that did not fit.
 */
class FullDiskReplayTest {
  @TempDir Path dir;
  private final Clock clock = Clock.systemUTC();

  private SqliteStore open(Path db, int maxPages) {
    return FullDiskFixture.open(db, clock, maxPages);
  }

  @Test
  void a_full_disk_under_the_writer_thread_fails_the_replay_and_keeps_the_source_as_it_was()
      throws Exception {
    Path db = dir.resolve("vis.db");
    LoadedSpec loaded =
        SpecLoader.load(Files.writeString(dir.resolve("crm.yaml"), FullDiskFixture.SPEC), Map.of());
    String source;
    List<List<Object>> sourceMentions;
    long pages;
    try (SqliteStore store = open(db, 0)) {
      RunService service =
          new RunService(
              store,
              new ProviderFactory(Map.of(), clock),
              Map.of(),
              clock,
              d -> {},
              () -> 0.5,
              AttemptListener.NONE,
              new Secrets());
      PreparedRun prepared =
          RunPreparation.prepare(
              loaded, RunOptions.defaults(), new ProviderFactory(Map.of(), clock), Map.of());
      source = service.start(prepared, RunOptions.defaults(), id -> {}, counts -> {}).runId();
      sourceMentions = mentions(store, source);
      store.checkpoint();
      pages = Files.size(db) / 4096;
    }
    assertThat(sourceMentions).hasSizeGreaterThan(100);

    VisException e;
    // room for the replay's run and its 200 tasks, not for its analyses' mention rows
    try (SqliteStore store = open(db, (int) pages + 12)) {
      e =
          catchThrowableOfType(
              VisException.class,
              () -> new RunReplay(store, clock, Map.of()).replay(source, Optional.empty()));
    }

    assertThat(e).as("the page limit was reached").isNotNull();
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.getMessage())
        .isEqualTo(
            db
                + ": the disk is full, so SQLite could not write; everything stored before is"
                + " kept: free some space and run the command again");
    try (SqliteStore store = open(db, 0)) {
      RunSummary replay =
          store.runs().stream()
              .filter(r -> r.sourceRunId().isPresent())
              .findFirst()
              .orElseThrow(() -> new AssertionError("the replay's run was recorded"));
      assertThat(replay.status()).as("not done").isEqualTo(RunStatus.RUNNING);
      assertThat(replay.ok()).as("its tasks, copied with the run").isEqualTo(200);
      assertThat(mentions(store, replay.id())).as("no half-written batch").isEmpty();
      assertThat(mentions(store, source)).isEqualTo(sourceMentions);
    }
  }

  private static List<List<Object>> mentions(Store store, String runId) {
    List<List<Object>> rows = new java.util.ArrayList<>();
    store.export(runId, ExportTable.MENTIONS, rows::add);
    return rows;
  }
}
