package dev.vis.report;

import dev.vis.analysis.MetricsCalculator;
import dev.vis.analysis.MetricsOptions;
import dev.vis.analysis.RunCounts;
import dev.vis.analysis.RunMetrics;
import dev.vis.analysis.UntrackedBrand;
import dev.vis.spec.BrandSpec;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.ProviderType;
import dev.vis.spec.RunSpec;
import dev.vis.store.RunResults;
import dev.vis.store.RunSummary;
import dev.vis.store.ServedModel;
import dev.vis.store.Store;
import dev.vis.store.StoredModel;
import dev.vis.store.StoredRun;
import java.util.List;
import java.util.Optional;

/** Reads a run from the store and computes what its report shows. */
final class ReportLoader {
  private ReportLoader() {}

  /**
   * Reads the run's stored results when they still hold (see {@link Store#results}), else its
   * answers: the figures are the same either way.
   */
  static LoadedRun load(Store store, RunSummary run, boolean includeBranded) {
    StoredRun stored = store.storedRun(run);
    RunSpec spec = stored.spec();
    Optional<RunResults> results = store.results(run).filter(r -> r.counts().fits(spec));
    RunCounts counts =
        results
            .map(RunResults::counts)
            .orElseGet(() -> RunCounts.of(spec, sink -> store.forEachScoredAnswer(run.id(), sink)));
    RunMetrics metrics =
        MetricsCalculator.compute(
            spec, counts, MetricsOptions.defaults().withIncludeBranded(includeBranded));
    List<ServedModel> served =
        results.map(RunResults::served).orElseGet(() -> store.servedModels(run.id()));
    boolean simulated =
        stored.models().stream()
            .map(StoredModel::endpoint)
            .anyMatch(e -> e.type() == ProviderType.SIM);
    long priced = run.ok() - run.unpriced();
    RunFacts facts =
        new RunFacts(
            run.id(),
            run.name(),
            run.status().label(),
            run.createdAt(),
            run.finishedAt(),
            stored.spec().models().stream().map(ModelSpec::id).toList(),
            ModelsWithoutAnswers.of(stored.spec(), served),
            run.tasks(),
            run.ok(),
            run.failed(),
            run.pending(),
            priced > 0 || run.sourceRunId().isPresent()
                ? Optional.of(run.costUsd())
                : Optional.empty(),
            run.unpriced(),
            simulated,
            run.sourceRunId(),
            run.specPath(),
            run.specSha256(),
            served);
    return new LoadedRun(
        facts,
        metrics,
        spec.brands().stream().filter(BrandSpec::primary).map(BrandSpec::name).toList(),
        spec,
        results.flatMap(RunResults::untracked));
  }

  /**
   * The run's untracked brands: stored with its results, or read from its answers' texts under its
   * own brand rules. Only the reported run needs them, never a baseline.
   */
  static List<UntrackedBrand> untrackedBrands(Store store, LoadedRun run) {
    return run.storedUntracked()
        .orElseGet(() -> RunResults.untracked(store, run.facts().runId(), run.spec()));
  }
}
