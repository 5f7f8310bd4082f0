package dev.vis.report;

import dev.vis.analysis.MetricsCalculator;
import dev.vis.analysis.VisibilityMetrics;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.ProviderType;
import dev.vis.store.RunSummary;
import dev.vis.store.Store;
import dev.vis.store.StoredModel;
import dev.vis.store.StoredRun;
import java.util.Optional;

/** Reads a run from the store and computes what its report shows. */
public final class ReportLoader {
  private ReportLoader() {}

  public static ReportData load(Store store, RunSummary run) {
    StoredRun stored = store.storedRun(run.id());
    VisibilityMetrics metrics =
        MetricsCalculator.compute(
            stored.spec().brands(),
            stored.spec().prompts(),
            stored.spec().models().stream().map(ModelSpec::id).toList(),
            store.scoredAnswers(run.id()));
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
            run.tasks(),
            run.ok(),
            run.failed(),
            run.pending(),
            priced > 0 || run.sourceRunId().isPresent() ? Optional.of(run.costUsd()) : Optional.empty(),
            run.unpriced(),
            simulated,
            run.sourceRunId(),
            run.specPath(),
            run.specSha256());
    return new ReportData(facts, metrics);
  }
}
