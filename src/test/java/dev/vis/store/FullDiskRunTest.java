package dev.vis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vis.VisException;
import dev.vis.engine.AttemptListener;
import dev.vis.engine.PreparedRun;
import dev.vis.engine.RunEngine;
import dev.vis.engine.RunOptions;
import dev.vis.engine.RunOutcome;
import dev.vis.engine.RunPreparation;
import dev.vis.engine.RunService;
import dev.vis.provider.ProviderFactory;
import dev.vis.spec.LoadedSpec;
import dev.vis.spec.Secrets;
import dev.vis.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run the disk fills up under stops interrupted, keeps what it stored, says how to resume, and
 * the resume finishes it once there is space.
 */
class FullDiskRunTest {
  /**
   * Sim answers 2 ms apart on each of the 4 slots, so the writer's first commit holds the first
   * answers, not all 200 at once: with none of them apart, a cold writer thread could gather every
   * answer into one transaction too large for the capped file, and store none.
   */
  private static final Map<String, String> SIM_PACE = Map.of(ProviderFactory.SIM_LATENCY_ENV, "2");

  @TempDir Path dir;
  private final Clock clock = Clock.systemUTC();

  private SqliteStore open(Path db, int maxPages) {
    return FullDiskFixture.open(db, clock, maxPages);
  }

  private RunService service(Store store) {
    return new RunService(
        store,
        new ProviderFactory(SIM_PACE, clock),
        Map.of(),
        clock,
        d -> {},
        () -> 0.5,
        AttemptListener.NONE,
        new Secrets());
  }

  @Test
  void stops_the_run_interrupted_with_the_resume_command_and_exit_1() throws Exception {
    Path db = dir.resolve("vis.db");
    Path specFile = Files.writeString(dir.resolve("crm.yaml"), FullDiskFixture.SPEC);
    LoadedSpec loaded = SpecLoader.load(specFile, Map.of());
    long pages;
    try (SqliteStore store = open(db, 0)) {
      store.checkpoint();
      pages = Files.size(db) / 4096;
    }

    AtomicReference<String> runId = new AtomicReference<>();
    VisException e;
    // room for the run and its 200 tasks, and for some of their answers only
    try (SqliteStore store = open(db, (int) pages + 40)) {
      RunService service = service(store);
      PreparedRun prepared =
          RunPreparation.prepare(
              loaded, RunOptions.defaults(), new ProviderFactory(SIM_PACE, clock), Map.of());
      e =
          catchThrowableOfType(
              VisException.class,
              () -> service.start(prepared, RunOptions.defaults(), runId::set, counts -> {}));
    }

    assertThat(e).as("the page limit was reached").isNotNull();
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.getMessage())
        .isEqualTo(
            db
                + ": the disk is full, so run "
                + runId.get()
                + " stopped; every answer stored so far is kept and the run is interrupted: free"
                + " some space, then finish it with: vis run "
                + specFile
                + " --resume "
                + runId.get());
    long stored;
    try (SqliteStore store = open(db, 0)) {
      RunSummary run = store.findRun(runId.get()).orElseThrow();
      assertThat(run.status()).isEqualTo(RunStatus.INTERRUPTED);
      assertThat(run.ok()).as("answers stored before the disk filled").isPositive();
      assertThat(run.pending()).isPositive();
      stored = run.ok();
      assertThat(store.scoredAnswers(run.id())).hasSize((int) stored);

      RunOutcome resumed =
          service(store)
              .resume(
                  Optional.of(runId.get()),
                  loaded,
                  RunOptions.defaults(),
                  id -> {},
                  RunEngine.Progress.NONE);
      assertThat(resumed.ok()).isEqualTo(200 - stored);
      assertThat(store.findRun(runId.get()).orElseThrow().status()).isEqualTo(RunStatus.DONE);
    }
  }
}
