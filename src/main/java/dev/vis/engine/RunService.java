package dev.vis.engine;

import dev.vis.ExitCode;
import dev.vis.VisException;
import dev.vis.provider.ProviderFactory;
import dev.vis.spec.LoadedSpec;
import dev.vis.spec.RunSpec;
import dev.vis.spec.Secrets;
import dev.vis.store.DiskFullException;
import dev.vis.store.NewRun;
import dev.vis.store.Owner;
import dev.vis.store.PendingTask;
import dev.vis.store.RunStatus;
import dev.vis.store.RunSummary;
import dev.vis.store.Store;
import dev.vis.store.StoredModel;
import dev.vis.store.StoredRun;
import dev.vis.store.Ulid;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts and resumes runs: records a {@link PreparedRun}'s tasks or finds an unfinished run, has
 * the {@link RunEngine} call them, and settles the run's status.
 */
public final class RunService {
  private final Store store;
  private final ProviderFactory providers;
  private final Map<String, String> env;
  private final Clock clock;
  private final RunEngine engine;
  private final Secrets secrets;
  private volatile RunWorker worker;

  /**
   * @param attempts told about every call attempt as it ends ({@code --log-json})
   * @param secrets the process's secrets: a resumed run's are added before its first call
   */
  public RunService(
      Store store,
      ProviderFactory providers,
      Map<String, String> env,
      Clock clock,
      Sleeper sleeper,
      java.util.function.DoubleSupplier random,
      AttemptListener attempts,
      Secrets secrets) {
    this.store = store;
    this.providers = providers;
    this.env = Map.copyOf(env);
    this.clock = clock;
    this.secrets = secrets;
    this.engine =
        new RunEngine(store, providers, new RunContext(clock, sleeper, random, attempts, secrets));
  }

  /** Stops scheduling and cancels calls in flight (Ctrl-C). */
  public void interrupt() {
    interrupt(java.time.Duration.ZERO);
  }

  /** Stops scheduling; calls in flight get {@code grace} to end before they are cancelled. */
  public void interrupt(java.time.Duration grace) {
    RunWorker working = worker;
    if (working != null) {
      working.interrupt();
    }
    engine.interrupt(grace);
  }

  /**
   * Records a prepared run and works it to the end.
   *
   * @param onCreated told the run id as soon as the run is recorded
   */
  public RunOutcome start(
      PreparedRun prepared,
      RunOptions options,
      Consumer<String> onCreated,
      RunEngine.Progress progress) {
    String runId = Ulid.next(clock.instant());
    // recorded running and owned by this process, so it needs no claim of its own
    store.createRun(newRun(prepared, runId));
    onCreated.accept(runId);
    return work(runId, prepared.loaded().path(), options, progress);
  }

  /**
   * Works a run together with other processes ({@code --run-id}): creates it or joins it, calls the
   * tasks this process leases, and ends the run when no task is left.
   *
   * @param runId the id the processes agree on
   * @param onJoined told the run id once the run is created or joined
   */
  public RunOutcome join(
      PreparedRun prepared,
      String runId,
      RunOptions options,
      Consumer<String> onJoined,
      RunEngine.Progress progress) {
    RunWorker.checkRunId(runId);
    // leases are timed by the database server's clock, so their waits are real ones
    RunWorker worker = new RunWorker(store, engine, env, clock, Sleeper.SYSTEM);
    this.worker = worker;
    NewRun run = newRun(prepared, runId);
    onJoined.accept(runId);
    RunOutcome outcome;
    try {
      outcome =
          worker.work(run, options.concurrency().orElse(prepared.spec().concurrency()), progress);
    } catch (RuntimeException e) {
      try {
        worker.leave(RunStatus.DONE, Optional.empty());
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
    RunSummary after = store.findRun(runId).orElseThrow();
    // every worker leaves this way, so the last one out always ends the run
    boolean ended =
        worker.leave(
            failureRateExceeded(after, options) ? RunStatus.FAILED : RunStatus.DONE,
            Optional.of(
                outcome.budgetStop().isPresent() && !outcome.interrupted()
                    ? RunStatus.BUDGET
                    : RunStatus.INTERRUPTED));
    Optional<RunSummary> settled =
        ended ? store.findRun(runId).filter(r -> r.pending() == 0) : Optional.empty();
    // the worker that ended the run with every task settled: no other writes its answers now
    settled.ifPresent(summary -> RunResultsStep.record(store, summary));
    return outcome;
  }

  private NewRun newRun(PreparedRun prepared, String runId) {
    LoadedSpec loaded = prepared.loaded();
    RunSpec spec = prepared.spec();
    long seed = Long.parseUnsignedLong(loaded.sha256().substring(0, 15), 16);
    return new NewRun(
        runId,
        loaded.path().toString(),
        loaded.text(),
        loaded.sha256(),
        spec,
        prepared.models(),
        TaskPlanner.plan(spec, seed),
        Optional.empty(),
        clock.instant(),
        Owner.current(env),
        loaded.spec().samples());
  }

  /**
   * Finishes an unfinished run: calls every task that is not {@code ok}, under the run's stored
   * spec.
   *
   * @param reference the run, or empty for the newest unfinished run of the spec's name
   * @param loaded today's spec file: it must still define the run's prompts, models, samples and
   *     brand rules
   */
  public RunOutcome resume(
      Optional<String> reference,
      LoadedSpec loaded,
      RunOptions options,
      Consumer<String> onFound,
      RunEngine.Progress progress) {
    RunSummary summary =
        reference
            .map(store::run)
            .or(() -> store.newestUnfinished(loaded.spec().name()))
            .orElseThrow(
                () ->
                    VisException.usage(
                        "no unfinished run of '"
                            + loaded.spec().name()
                            + "' to resume (`vis runs` lists runs; `vis run SPEC` starts a new one)"));
    if (summary.sourceRunId().isPresent()) {
      throw VisException.usage("run " + summary.id() + " is a replay: it has nothing to call");
    }
    StoredRun stored = store.storedRun(summary.id());
    SpecDrift.check(stored, loaded.spec());
    RunPreparation.resolveModels(stored.spec(), env);
    secrets.collect(stored.spec(), env);
    for (StoredModel model : stored.models()) {
      // as for a new run, before the run is claimed: its stored base_url and headers still resolve
      providers.create(model.spec(), model.endpoint(), stored.spec().brands());
    }
    if (options.maxUsd().isPresent()) {
      RunPreparation.requirePrices(true, stored.models());
      // the new cap replaces the run's cumulative cap, for this session and later ones
      store.replaceMaxUsd(summary.id(), options.maxUsd().get());
    }
    onFound.accept(summary.id());
    store.claim(summary.id(), Owner.current(env), clock.instant());
    return work(summary.id(), loaded.path(), options, progress);
  }

  private RunOutcome work(
      String runId, Path specFile, RunOptions options, RunEngine.Progress progress) {
    StoredRun run = store.storedRun(runId);
    List<PendingTask> pending = store.unfinishedTasks(runId);
    int concurrency = options.concurrency().orElse(run.spec().concurrency());
    RunOutcome outcome;
    try {
      outcome = engine.execute(run, pending, concurrency, progress);
    } catch (DiskFullException e) {
      throw FullDisk.stop(store, runId, specFile, e, clock.instant());
    } catch (RuntimeException e) {
      store.finish(runId, RunStatus.FAILED, clock.instant());
      throw e;
    }
    RunSummary after = store.findRun(runId).orElseThrow();
    RunStatus status = statusOf(outcome, after, options);
    if (status == RunStatus.DONE || status == RunStatus.FAILED) {
      // every task is settled; before finish, so SQLite's checkpoint takes the results in too
      RunResultsStep.record(store, after);
    }
    store.finish(runId, status, clock.instant());
    return outcome;
  }

  static RunStatus statusOf(RunOutcome outcome, RunSummary after, RunOptions options) {
    if (outcome.interrupted()) {
      return RunStatus.INTERRUPTED;
    }
    if (outcome.budgetStop().isPresent() && after.pending() > 0) {
      return RunStatus.BUDGET;
    }
    if (after.pending() > 0) {
      return RunStatus.INTERRUPTED;
    }
    return failureRateExceeded(after, options) ? RunStatus.FAILED : RunStatus.DONE;
  }

  /** Whether failed / (ok + failed) is over the allowed percentage. */
  public static boolean failureRateExceeded(RunSummary run, RunOptions options) {
    long answered = run.ok() + run.failed();
    return answered > 0 && run.failed() * 100.0 / answered > options.maxFailurePercent();
  }

  /** Whether a session outcome and the run's state call for a non-zero exit. */
  public static int exitCode(RunOutcome outcome, RunSummary after, RunOptions options) {
    if (outcome.interrupted()) {
      return ExitCode.INTERRUPTED;
    }
    if (failureRateExceeded(after, options)) {
      return ExitCode.FAILED;
    }
    // a worker stopped by the shared budget while others still settle their calls
    if (after.status() == RunStatus.BUDGET
        || (outcome.budgetStop().isPresent() && after.pending() > 0)) {
      return ExitCode.INCOMPLETE;
    }
    return ExitCode.OK;
  }
}
