package dev.vis.engine;

import dev.vis.analysis.BrandRules;
import dev.vis.analysis.RunCounts;
import dev.vis.analysis.UntrackedBrand;
import dev.vis.spec.RunSpec;
import dev.vis.store.RunResults;
import dev.vis.store.RunSummary;
import dev.vis.store.Store;
import java.util.List;
import java.util.Optional;

/**
 * Stores a run's results when its analysis is complete (a run or a replay ends with every task
 * settled), so that its reports and trends read them instead of its answers.
 */
public final class RunResultsStep {
  /**
   * Runs of fewer answers store nothing. Computing the results costs what one report of the run
   * from its answers costs (some 80 µs of CPU per answer, three quarters of it the untracked
   * brands' two passes over every text, plus loading the code): at the end of a 2,000-answer sim
   * run, some 0.45 s of CPU on top of 4.4 s (docs/benchmarks.md), while a report computes such a
   * run from its answers quickly. From 5,000 answers, a report or trend computing them would take
   * 0.4 s or more each time.
   */
  static final long FROM_ANSWERS = 5_000;

  private RunResultsStep() {}

  /**
   * Computes and stores the run's results. Never fails: a run that has all its answers stays whole
   * without them, and its reports read its answers instead.
   *
   * @return whether they were stored
   */
  public static boolean record(Store store, String runId) {
    return record(store, runId, FROM_ANSWERS);
  }

  /**
   * A replay's results when it ends, from what the replay holds: the counts it folded while it
   * analysed, its spec, its source's summary and how many answers it analysed. Neither the answers'
   * mentions nor a run summary is read back (a summary sums the run's tasks: some 0.3 s per 100,000
   * answers). Never fails, as {@link #record(Store, String)}.
   *
   * @return whether they were stored
   */
  static boolean recordReplay(
      Store store, String runId, RunSpec spec, RunSummary source, long answers, RunCounts counts) {
    if (answers < FROM_ANSWERS) {
      return false;
    }
    try {
      Optional<List<UntrackedBrand>> untracked =
          sourceUntracked(store, Optional.of(source), answers, spec);
      save(store, runId, RunResults.of(counts, store, runId, spec, untracked.isEmpty()), untracked);
      return true;
    } catch (RuntimeException e) {
      // a shortcut lost, never an answer: the reports compute from the answers as without it
      return false;
    }
  }

  /**
   * As {@link #record(Store, String)} for a run whose summary, read after its last answer, is at
   * hand: no further summary is read (a summary sums the run's tasks).
   */
  static boolean record(Store store, RunSummary run) {
    return record(store, run, FROM_ANSWERS);
  }

  /**
   * @param fromAnswers the fewest answers a run stores its results for
   */
  static boolean record(Store store, String runId, long fromAnswers) {
    try {
      Optional<RunSummary> run = store.findRun(runId);
      return run.isPresent() && record(store, run.get(), fromAnswers);
    } catch (RuntimeException e) {
      // a shortcut lost, never an answer: the reports compute from the answers as without it
      return false;
    }
  }

  private static boolean record(Store store, RunSummary run, long fromAnswers) {
    if (run.ok() < fromAnswers) {
      return false;
    }
    try {
      RunSpec spec = store.storedRun(run).spec();
      Optional<RunSummary> source = run.sourceRunId().flatMap(store::findRun);
      Optional<List<UntrackedBrand>> untracked = sourceUntracked(store, source, run.ok(), spec);
      save(
          store,
          run.id(),
          RunResults.fromAnswers(store, run.id(), spec, untracked.isEmpty()),
          untracked);
      return true;
    } catch (RuntimeException e) {
      // a shortcut lost, never an answer: the reports compute from the answers as without it
      return false;
    }
  }

  /**
   * A replay's untracked brands when its source's stored ones hold and were found under the same
   * brand rules: the replay reads the very same texts, so they are its own too, and finding them
   * again would cost a replay more than all its other work.
   */
  private static Optional<List<UntrackedBrand>> sourceUntracked(
      Store store, Optional<RunSummary> source, long answers, RunSpec spec) {
    if (source.isEmpty() || source.get().ok() != answers) {
      return Optional.empty();
    }
    String rules = BrandRules.fingerprint(spec.brands());
    if (!rules.equals(BrandRules.fingerprint(store.storedRun(source.get()).spec().brands()))) {
      return Optional.empty();
    }
    return store.results(source.get()).flatMap(RunResults::untracked);
  }

  /** Stores the results, with the untracked brands given in place of none found. */
  private static void save(
      Store store, String runId, RunResults results, Optional<List<UntrackedBrand>> untracked) {
    store.saveResults(
        runId,
        untracked.isEmpty()
            ? results
            : new RunResults(results.counts(), results.served(), untracked));
  }
}
