package dev.vis.engine;

import dev.vis.provider.ProviderAnswer;
import dev.vis.provider.RateLimits;
import dev.vis.spec.LoadedSpec;
import dev.vis.spec.SpecLoader;
import dev.vis.store.Access;
import dev.vis.store.NewRun;
import dev.vis.store.Owner;
import dev.vis.store.SqliteStore;
import dev.vis.store.Store;
import dev.vis.store.StoredRun;
import dev.vis.store.Ulid;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A sim spec recorded as a run in a real SQLite file, for the engine's direct tests. */
final class EngineFixture {
  static final String SPEC =
      """
      version: 1
      name: crm
      brands:
        - name: Acme CRM
          aliases: [Acme]
      prompts:
        - id: best
          text: What is the best CRM?
        - id: cheap
          text: Which CRM is cheapest?
      models:
        - id: sim-a
          provider: sim
          sim: {seed: 7}
        - id: sim-b
          provider: sim
          sim: {seed: 8}
      samples: 3
      """;

  final FakeClock clock = new FakeClock();
  final LoadedSpec loaded;
  final Store store;

  EngineFixture(Path dir) {
    loaded = SpecLoader.load("crm.yaml", SPEC, dir, Map.of());
    store = SqliteStore.open(dir.resolve("vis.db"), Access.CREATE, clock, Map.of());
  }

  /** Records a new run of the spec with all its tasks pending. */
  StoredRun newRun() {
    String runId = Ulid.next(clock.instant());
    store.createRun(
        new NewRun(
            runId,
            "crm.yaml",
            loaded.text(),
            loaded.sha256(),
            loaded.spec(),
            RunPreparation.priced(loaded.spec()),
            TaskPlanner.plan(loaded.spec(), 42),
            Optional.empty(),
            clock.instant(),
            Owner.current(Map.of()),
            loaded.spec().samples()));
    return store.storedRun(runId);
  }

  /** An answer with token counts, as a provider returns it. */
  static ProviderAnswer answer(String text) {
    return new ProviderAnswer(
        text,
        "{}",
        200,
        OptionalLong.of(10),
        OptionalLong.of(20),
        Optional.of("stop"),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        false,
        0,
        RateLimits.none());
  }

  /** A sleeper that records every wait and moves the fake clock instead of waiting. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final FakeClock clock;

    RecordingSleeper(FakeClock clock) {
      this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
      clock.advance(duration);
    }
  }
}
