package dev.vis.engine;

import dev.vis.store.RunResults;
import dev.vis.store.RunSummary;
import dev.vis.store.Store;
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
   * @param fromAnswers the fewest answers a run stores its results for
   */
  static boolean record(Store store, String runId, long fromAnswers) {
    try {
      Optional<RunSummary> run = store.findRun(runId);
      if (run.isEmpty() || run.get().ok() < fromAnswers) {
        return false;
      }
      RunResults results =
          RunResults.fromAnswers(store, runId, store.storedRun(run.get()).spec(), true);
      store.saveResults(runId, results);
      return true;
    } catch (RuntimeException e) {
      // a shortcut lost, never an answer: the reports compute from the answers as without it
      return false;
    }
  }
}
