package dev.vis.report;

import dev.vis.analysis.MetricsCalculator;
import dev.vis.analysis.MetricsOptions;
import dev.vis.analysis.RunMetrics;
import dev.vis.analysis.UntrackedBrand;
import dev.vis.analysis.UntrackedBrands;
import dev.vis.spec.BrandSpec;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.ProviderType;
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

  static LoadedRun load(Store store, RunSummary run, boolean includeBranded) {
    StoredRun stored = store.storedRun(run.id());
    RunMetrics metrics =
        MetricsCalculator.compute(
            stored.spec(),
            sink -> store.forEachScoredAnswer(run.id(), sink),
            MetricsOptions.defaults().withIncludeBranded(includeBranded));
    List<ServedModel> served = store.servedModels(run.id());
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
        stored.spec().brands().stream().filter(BrandSpec::primary).map(BrandSpec::name).toList());
  }

  /**
   * The run's untracked brands, read from its answers' texts under its own brand rules: only the
   * reported run needs them, never a baseline.
   */
  static List<UntrackedBrand> untrackedBrands(Store store, RunSummary run) {
    List<BrandSpec> brands = store.storedRun(run.id()).spec().brands();
    return UntrackedBrands.of(brands, sink -> store.forEachText(run.id(), sink));
  }
}
