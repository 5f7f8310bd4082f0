package dev.vis.engine;

import dev.vis.ExitCode;
import dev.vis.VisException;
import dev.vis.analysis.AnswerAnalyzer;
import dev.vis.provider.PriceTable;
import dev.vis.provider.ProviderFactory;
import dev.vis.spec.BudgetSpec;
import dev.vis.spec.LoadedSpec;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.Price;
import dev.vis.spec.ProviderType;
import dev.vis.spec.RequiredKeys;
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
import dev.vis.store.TaskOutcome;
import dev.vis.store.Ulid;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts, resumes and replays runs: turns a spec into recorded tasks, has the {@link RunEngine}
 * call them, and settles the run's status.
 */
public final class RunService {
  private final Store store;
  private final ProviderFactory providers;
  private final Map<String, String> env;
  private final Clock clock;
  private final RunEngine engine;
  private final Secrets secrets;

  public RunService(
      Store store,
      ProviderFactory providers,
      Map<String, String> env,
      Clock clock,
      Sleeper sleeper,
      java.util.function.DoubleSupplier random) {
    this(store, providers, env, clock, sleeper, random, AttemptListener.NONE, new Secrets());
  }

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
    this.engine = new RunEngine(store, providers, clock, sleeper, random, attempts, secrets);
  }

  /** Stops scheduling and cancels calls in flight (Ctrl-C). */
  public void interrupt() {
    engine.interrupt();
  }

  /** Stops scheduling; calls in flight get {@code grace} to end before they are cancelled. */
  public void interrupt(java.time.Duration grace) {
    engine.interrupt(grace);
  }

  /**
   * The spec with the command line's overrides applied, checked for what a run needs, its size
   * included.
   *
   * @throws dev.vis.spec.SpecException when it makes more tasks than the spec's max_tasks (exit 2)
   */
  public static RunSpec effectiveSpec(LoadedSpec loaded, RunOptions options) {
    RunSpec spec = effectiveSpec(loaded.spec(), options);
    loaded.checkSize(spec);
    return spec;
  }

  /** The spec with the command line's overrides applied, checked for what a run needs. */
  public static RunSpec effectiveSpec(RunSpec spec, RunOptions options) {
    List<ModelSpec> models = spec.models();
    if (options.models().isPresent()) {
      List<String> wanted = options.models().get();
      List<String> known = models.stream().map(ModelSpec::id).toList();
      for (String id : wanted) {
        if (!known.contains(id)) {
          throw VisException.usage(
              "--models: no model '"
                  + id
                  + "' in the spec (models: "
                  + String.join(", ", known)
                  + ")");
        }
      }
      models = models.stream().filter(m -> wanted.contains(m.id())).toList();
    }
    Optional<BudgetSpec> budget = options.maxUsd().map(BudgetSpec::new).or(spec::budget);
    return spec.with(
        models,
        options.samples().orElse(spec.samples()),
        options.concurrency().orElse(spec.concurrency()),
        budget);
  }

  /** The models with their endpoints and prices; fails (exit 2) on a missing key variable. */
  public static List<StoredModel> resolveModels(RunSpec spec, Map<String, String> env) {
    List<String> missing = RequiredKeys.missing(spec, env);
    if (!missing.isEmpty()) {
      throw VisException.usage(
          "missing environment variable"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing)
              + ": set the API key there before running (cron jobs have no shell profile; export"
              + " it in the job itself)");
    }
    return priced(spec);
  }

  /** The models with their endpoints and the prices they will be costed with. */
  public static List<StoredModel> priced(RunSpec spec) {
    PriceTable prices = PriceTable.builtIn().withOverrides(spec.pricing());
    List<StoredModel> models = new ArrayList<>();
    for (ModelSpec model : spec.models()) {
      var endpoint = spec.endpointOf(model);
      Optional<Price> price = prices.find(model.id(), model.model());
      if (price.isEmpty() && isFree(endpoint)) {
        // sim and a model on this machine cost nothing unless the spec prices them
        price = Optional.of(new Price(BigDecimal.ZERO, BigDecimal.ZERO));
      }
      models.add(new StoredModel(model, endpoint, price));
    }
    return models;
  }

  /** Under a cost cap every model needs a price, or its calls would cost an unknown amount. */
  private static void requirePrices(boolean capped, List<StoredModel> models) {
    if (!capped) {
      return;
    }
    List<String> unpriced =
        models.stream().filter(m -> m.price().isEmpty()).map(m -> m.spec().id()).toList();
    if (!unpriced.isEmpty()) {
      throw VisException.usage(
          "a cost cap needs a price for every model; no price for "
              + String.join(", ", unpriced)
              + ": add it under `pricing:` (USD per million input and output tokens)");
    }
  }

  private static boolean isFree(dev.vis.spec.Endpoint endpoint) {
    return endpoint.type() == ProviderType.SIM
        || (endpoint.type() == ProviderType.OPENAI_COMPATIBLE
            && endpoint.baseUrl().map(dev.vis.spec.BaseUrl::isLoopback).orElse(false));
  }

  /**
   * Checks everything a new run needs before anything is written: overrides, key variables, prices
   * and that every model's provider can be built.
   */
  public static PreparedRun prepare(
      LoadedSpec loaded, RunOptions options, ProviderFactory providers, Map<String, String> env) {
    RunSpec spec = effectiveSpec(loaded, options);
    List<StoredModel> models = resolveModels(spec, env);
    requirePrices(spec.budget().isPresent(), models);
    for (StoredModel model : models) {
      providers.create(model.spec(), model.endpoint(), spec.brands());
    }
    return new PreparedRun(loaded, spec, models);
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
    LoadedSpec loaded = prepared.loaded();
    RunSpec spec = prepared.spec();
    String runId = Ulid.next(clock.instant());
    long seed = Long.parseUnsignedLong(loaded.sha256().substring(0, 15), 16);
    store.createRun(
        new NewRun(
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
            loaded.spec().samples()));
    onCreated.accept(runId);
    return work(runId, loaded.path(), options, progress);
  }

  /**
   * A spec checked and resolved for a new run.
   *
   * @param loaded the spec file
   * @param spec the spec with the command line's overrides
   * @param models its models with endpoints and prices
   */
  public record PreparedRun(LoadedSpec loaded, RunSpec spec, List<StoredModel> models) {
    public PreparedRun {
      models = List.copyOf(models);
    }
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
    resolveModels(stored.spec(), env);
    secrets.collect(stored.spec(), env);
    for (StoredModel model : stored.models()) {
      // as for a new run, before the run is claimed: its stored base_url and headers still resolve
      providers.create(model.spec(), model.endpoint(), stored.spec().brands());
    }
    if (options.maxUsd().isPresent()) {
      requirePrices(true, stored.models());
      // the new cap replaces the run's cumulative cap, for this session and later ones
      store.replaceMaxUsd(summary.id(), options.maxUsd().get());
    }
    onFound.accept(summary.id());
    return work(summary.id(), loaded.path(), options, progress);
  }

  private RunOutcome work(
      String runId, Path specFile, RunOptions options, RunEngine.Progress progress) {
    store.claim(runId, Owner.current(env), clock.instant());
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
    store.finish(runId, statusOf(outcome, after, options), clock.instant());
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

  /**
   * Re-analyses a run's stored answers under new brand rules into a new run linked to it. Calls no
   * provider and copies no raw body.
   *
   * @param rules the spec whose brand rules to use; empty: the source run's own
   * @return the new run's id
   */
  public String replay(String reference, Optional<LoadedSpec> rules) {
    RunSummary source = store.run(reference);
    StoredRun stored = store.storedRun(source.id());
    RunSpec spec = stored.spec();
    String specPath = source.specPath();
    String specText = stored.specText();
    String sha = source.specSha256();
    if (rules.isPresent()) {
      RunSpec next = rules.get().spec();
      spec =
          new RunSpec(
              spec.version(),
              spec.name(),
              next.brands(),
              spec.prompts(),
              spec.models(),
              spec.providers(),
              spec.samples(),
              spec.concurrency(),
              spec.timeout(),
              spec.retry(),
              spec.budget(),
              spec.pricing());
      specPath = rules.get().path().toString();
      specText = rules.get().text();
      sha = rules.get().sha256();
    }
    String runId = Ulid.next(clock.instant());
    store.createRun(
        new NewRun(
            runId,
            specPath,
            specText,
            sha,
            spec,
            stored.models(),
            List.of(),
            Optional.of(source.id()),
            clock.instant(),
            Owner.current(env),
            stored.specSamples()));
    AnswerAnalyzer analyzer = new AnswerAnalyzer(spec.brands());
    List<TaskOutcome> batch = new ArrayList<>(ReplayBatch.SIZE);
    store.forEachAnswer(
        runId,
        answer -> {
          batch.add(
              new TaskOutcome.Analysed(
                  answer.taskId(), analyzer.analyze(answer.text(), answer.sources())));
          if (batch.size() == ReplayBatch.SIZE) {
            store.write(batch);
            batch.clear();
          }
        });
    store.write(batch);
    store.finish(runId, RunStatus.DONE, clock.instant());
    return runId;
  }

  /** How many re-analysed answers go in one transaction. */
  private static final class ReplayBatch {
    static final int SIZE = 2_000;
  }

  /** Whether a session outcome and the run's state call for a non-zero exit. */
  public static int exitCode(RunOutcome outcome, RunSummary after, RunOptions options) {
    if (outcome.interrupted()) {
      return ExitCode.INTERRUPTED;
    }
    if (failureRateExceeded(after, options)) {
      return ExitCode.FAILED;
    }
    if (after.status() == RunStatus.BUDGET) {
      return ExitCode.INCOMPLETE;
    }
    return ExitCode.OK;
  }
}
