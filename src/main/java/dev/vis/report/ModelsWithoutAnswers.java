package dev.vis.report;

import dev.vis.spec.ModelSpec;
import dev.vis.spec.RunSpec;
import dev.vis.store.RunSummary;
import dev.vis.store.ServedModel;
import dev.vis.store.Store;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The models of a run that produced no answer (every task failed or is pending): reports and the
 * run summary name them, since their figures are no data rather than zero.
 */
public final class ModelsWithoutAnswers {
  private ModelsWithoutAnswers() {}

  /**
   * The models of {@code run} without an answer, in spec order; counts the answers per model only
   * when some task has none.
   */
  public static List<String> of(Store store, RunSummary run) {
    if (run.failed() + run.pending() == 0) {
      return List.of();
    }
    RunSpec spec = store.storedRun(run.id()).spec();
    return of(spec, run.ok() == 0 ? List.of() : store.servedModels(run.id()));
  }

  /** The models of {@code spec} that none of the {@code served} answers came from. */
  static List<String> of(RunSpec spec, List<ServedModel> served) {
    Set<String> answered = new HashSet<>();
    served.forEach(s -> answered.add(s.modelId()));
    return spec.models().stream().map(ModelSpec::id).filter(id -> !answered.contains(id)).toList();
  }
}
