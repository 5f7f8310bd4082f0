package dev.vis.store;

import dev.vis.analysis.RunCounts;
import dev.vis.analysis.UntrackedBrand;
import dev.vis.analysis.UntrackedBrands;
import dev.vis.spec.RunSpec;
import java.util.List;
import java.util.Optional;

/**
 * What a report reads of a run instead of its answers: stored when the run's analysis is complete
 * (a run or a replay ends), and read back only while it still holds ({@link Store#results}).
 *
 * @param counts the run's answers folded into counts, with how many answers they cover
 * @param served the models that served its answers, as {@link Store#servedModels} gives them
 * @param untracked its untracked brands, as {@code UntrackedBrands.of} gives them; empty when not
 *     stored, and then computed from the answers' texts when a report needs them
 */
public record RunResults(
    RunCounts counts, List<ServedModel> served, Optional<List<UntrackedBrand>> untracked) {

  /**
   * The version of what these are computed by: the counts' form, the untracked-brand detection and
   * count ({@code UntrackedBrands}, {@code PresentedNames}, {@code NameStopList} and its word
   * lists) and the matching they use. Results stored under another version are never read: raise it
   * whenever one of those changes what it gives for the same answers.
   */
  public static final int VERSION = 1;

  public RunResults {
    served = List.copyOf(served);
    untracked = untracked.map(List::copyOf);
  }

  /**
   * A run's results computed from its stored answers, as a report without stored results does.
   *
   * @param spec the run's own spec
   * @param withUntracked whether to find its untracked brands too (two passes over every text)
   */
  public static RunResults fromAnswers(
      Store store, String runId, RunSpec spec, boolean withUntracked) {
    return of(
        RunCounts.of(spec, sink -> store.forEachScoredAnswer(runId, sink)),
        store,
        runId,
        spec,
        withUntracked);
  }

  /**
   * A run's results from counts folded as its answers were analysed, with the rest from the store.
   *
   * @param withUntracked whether to find its untracked brands too (two passes over every text)
   */
  public static RunResults of(
      RunCounts counts, Store store, String runId, RunSpec spec, boolean withUntracked) {
    return new RunResults(
        counts,
        store.servedModels(runId),
        withUntracked ? Optional.of(untracked(store, runId, spec)) : Optional.empty());
  }

  /** A run's untracked brands, from its answers' texts under its own brand rules. */
  public static List<UntrackedBrand> untracked(Store store, String runId, RunSpec spec) {
    return UntrackedBrands.of(spec.brands(), sink -> store.forEachText(runId, sink));
  }
}
