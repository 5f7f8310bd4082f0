package dev.vis.engine;

import dev.vis.analysis.AnswerAnalyzer;
import dev.vis.analysis.CountsFold;
import dev.vis.spec.LoadedSpec;
import dev.vis.spec.RunSpec;
import dev.vis.store.NewRun;
import dev.vis.store.Owner;
import dev.vis.store.RunStatus;
import dev.vis.store.RunSummary;
import dev.vis.store.Store;
import dev.vis.store.StoredRun;
import dev.vis.store.Ulid;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Re-analyses a run's stored answers into a new run: no provider, no retries, no waiting. */
public final class RunReplay {
  private final Store store;
  private final Clock clock;
  private final Map<String, String> env;

  /**
   * @param env the environment, read for the host name a run records as its owner
   */
  public RunReplay(Store store, Clock clock, Map<String, String> env) {
    this.store = store;
    this.clock = clock;
    this.env = Map.copyOf(env);
  }

  /**
   * Re-analyses a run's stored answers under new brand rules into a new run linked to it. Calls no
   * provider and copies no raw body. The run and its tasks are recorded first (in one transaction,
   * on the writer thread, while the source's answers are read and analysed), then the analyses in
   * large transactions, then the run is marked done: a replay stopped midway leaves a run that is
   * not done (stale once its process is gone), or none, never a half-written transaction.
   *
   * @param rules the spec whose brand rules to use; empty: the source run's own
   * @return the new run, done
   */
  public Replayed replay(String reference, Optional<LoadedSpec> rules) {
    RunSummary source = store.run(reference);
    StoredRun stored = store.storedRun(source);
    RunSpec spec = stored.spec();
    String specPath = source.specPath();
    String specText = stored.specText();
    String sha = source.specSha256();
    if (rules.isPresent()) {
      RunSpec next = rules.get().spec();
      spec = spec.withBrands(next.brands());
      specPath = rules.get().path().toString();
      specText = rules.get().text();
      sha = rules.get().sha256();
    }
    String runId = Ulid.next(clock.instant());
    ReplayWrites writes =
        new ReplayWrites(
            store,
            new NewRun(
                runId,
                specPath,
                specText,
                sha,
                spec,
                stored.models(),
                List.of(),
                Optional.of(source.id()),
                clock.instant(),
                Owner.current(env),
                stored.specSamples()));
    long answers;
    CountsFold counts = new CountsFold(spec);
    try (ReplayAnalysis analysis =
        new ReplayAnalysis(
            new AnswerAnalyzer(spec.brands()),
            Runtime.getRuntime().availableProcessors(),
            writes::start,
            writes::write,
            counts::add)) {
      // the source's answers, read while the writer copies its tasks into the new run
      store.forEachAnswer(source.id(), analysis::add);
      answers = analysis.finish();
    }
    RunResultsStep.recordReplay(store, runId, spec, source, answers, counts.counts());
    store.finish(runId, RunStatus.DONE, clock.instant());
    return new Replayed(runId, source.id(), answers);
  }

  /**
   * A replay that is done.
   *
   * @param runId the new run
   * @param sourceRunId the run whose answers it re-analysed
   * @param answers how many answers it re-analysed
   */
  public record Replayed(String runId, String sourceRunId, long answers) {}
}
