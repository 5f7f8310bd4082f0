package dev.vis.store;

import dev.vis.analysis.ScoredAnswer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where runs live. SQLite today ({@link SqliteStore}); the interface is the seam for a shared
 * PostgreSQL store later: {@link Stores#open} picks the store for a {@code --db} value, and every
 * store passes the same contract test ({@code StoreContractTest}).
 *
 * <p>Every failure is a {@link dev.vis.VisException} whose message names the database and the fix.
 * Reads may come from any thread. Writes of task outcomes come from one writer thread at a time
 * ({@code engine.AnswerWriter}); run lifecycle writes are short and may come from the command's
 * thread.
 */
public interface Store extends AutoCloseable {

  /** Records a run, its resolved spec and its tasks (or, for a replay, its source's tasks). */
  void createRun(NewRun run);

  /**
   * Resolves a run reference: an id, a unique id prefix of at least 4 characters, {@code latest}, a
   * spec name (its newest run) or {@code NAME~N}.
   *
   * @throws dev.vis.VisException (exit 2) when nothing or more than one run matches
   */
  RunSummary run(String reference);

  /** The run with this exact id, if any. */
  Optional<RunSummary> findRun(String id);

  /**
   * The newest run of a spec name that can be resumed: not owned by a live process, and either not
   * done or done with failed tasks.
   */
  Optional<RunSummary> newestUnfinished(String name);

  /** Every run, newest first. */
  List<RunSummary> runs();

  /** A run with the resolved spec it used. */
  StoredRun storedRun(String runId);

  /**
   * A run with the resolved spec it used, for a summary read already: a summary counts every task
   * of its run again.
   */
  StoredRun storedRun(RunSummary run);

  /** Tasks of a run that have no answer, in call order. */
  List<PendingTask> unfinishedTasks(String runId);

  /**
   * Takes ownership of a run for this process and marks it running.
   *
   * @throws dev.vis.VisException (exit 2) when another live process owns it
   */
  void claim(String runId, Owner owner, Instant now);

  /** Records that the owner is alive. */
  void heartbeat(String runId, Instant now);

  /** Replaces a run's cumulative cost cap ({@code vis run SPEC --resume RUN --max-usd X}). */
  void replaceMaxUsd(String runId, BigDecimal maxUsd);

  /**
   * Ends a run with a final status. The command's writes to the run are over: the store leaves
   * itself complete (SQLite folds its write-ahead log into the one file).
   */
  void finish(String runId, RunStatus status, Instant now);

  /** Records task outcomes in one short transaction. */
  void write(List<TaskOutcome> outcomes);

  /**
   * Records a replay's analyses in one transaction, on the writer's connection: the first analysis
   * of each task, inserted without clearing anything, as a replay's tasks (fresh from {@link
   * #createRun}) hold none.
   */
  void writeFirstAnalyses(List<TaskOutcome.Analysed> analyses);

  /**
   * Stores what a report reads of a run instead of its answers, replacing what the run had: called
   * when the run's analysis is complete.
   */
  void saveResults(String runId, RunResults results);

  /**
   * The results stored for a run if they still hold for it: computed by this vis's {@link
   * RunResults#VERSION} from as many analysed answers as the run has now. Empty for a run without
   * them, one that gained answers since (a resumed run), and a database from before them.
   */
  Optional<RunResults> results(RunSummary run);

  /** The answered tasks of a run with their analysis, in task order. */
  default List<ScoredAnswer> scoredAnswers(String runId) {
    List<ScoredAnswer> answers = new ArrayList<>();
    forEachScoredAnswer(runId, answers::add);
    return answers;
  }

  /**
   * Streams the answered tasks of a run with their analysis, in task order, for metrics: one answer
   * at a time, none kept.
   */
  void forEachScoredAnswer(String runId, Consumer<ScoredAnswer> consumer);

  /**
   * The models the providers said served a run's answers: per model of the spec, in spec order,
   * each served model with its answer count, most answers first.
   */
  List<ServedModel> servedModels(String runId);

  /**
   * A replay's task ids by the ids of its source's tasks, which {@link #createRun} copied into it:
   * a replay's writer stores the analyses of answers read off the source under these.
   */
  TaskIdMap replayTaskIds(String replayRunId);

  /** Streams the answered tasks' texts and sources, in call order, for a re-analysis. */
  void forEachAnswer(String runId, Consumer<StoredAnswer> consumer);

  /** Streams the answered tasks' texts alone, in task order (the untracked brands read these). */
  void forEachText(String runId, Consumer<String> consumer);

  /** Streams the rows of an export table in the column order of {@link ExportTable#columns()}. */
  void export(String runId, ExportTable table, Consumer<List<Object>> row);

  /**
   * Streams a run's tasks with everything stored for them (attempts, answer, analysis), in task
   * order, a page at a time: what {@link #importRun} needs to copy the run into another store.
   */
  void forEachRecordedTask(String runId, Consumer<RecordedTask> consumer);

  /**
   * Records a finished run copied from another store, with its tasks, in one transaction, and
   * leaves the store complete as {@link #finish} does. A replay's source must be here already.
   *
   * @return false, writing nothing, when a run with the same id is here already
   */
  boolean importRun(ImportedRun run);

  /**
   * Deletes runs and everything only they use, and leaves the store complete as {@link #finish}
   * does.
   *
   * @return how many of the runs there were
   */
  int delete(List<String> runIds);

  /** The database as messages name it: its path, or its URL without a password. */
  String location();

  @Override
  void close();
}
