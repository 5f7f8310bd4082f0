package dev.vis.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Run facts of other runs, made from the sample's. */
final class FactsFixture {
  private FactsFixture() {}

  /** {@code f} as another run: its id, times, models and models without answers replaced. */
  static RunFacts rerun(
      RunFacts f,
      String runId,
      Instant startedAt,
      Optional<Instant> finishedAt,
      List<String> models,
      List<String> withoutAnswers) {
    return new RunFacts(
        runId,
        f.name(),
        f.status(),
        startedAt,
        finishedAt,
        models,
        withoutAnswers,
        f.tasks(),
        f.answers(),
        f.failed(),
        f.pending(),
        f.costUsd(),
        f.unpricedAnswers(),
        f.simulated(),
        f.sourceRunId(),
        f.specPath(),
        f.specSha256(),
        f.servedModels());
  }
}
