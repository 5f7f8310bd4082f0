package dev.vis.cli;

import dev.vis.VisException;
import dev.vis.engine.PreparedRun;
import dev.vis.engine.RunOptions;
import dev.vis.engine.RunOutcome;
import dev.vis.engine.RunPreparation;
import dev.vis.engine.RunService;
import dev.vis.provider.ProviderFactory;
import dev.vis.report.ModelsWithoutAnswers;
import dev.vis.spec.LoadedSpec;
import dev.vis.store.RunSummary;
import dev.vis.store.Store;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vis run SPEC}: asks every model every prompt, stores and analyses every answer. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a spec: asks every model every prompt, stores and analyses every answer.",
      "Each (prompt, model) is asked SAMPLES times; every answer is stored as it arrives. "
          + "Prints the run id on stdout; progress and the summary go to stderr."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every task answered, or failures within --max-failure-rate",
      "1:more tasks failed than --max-failure-rate allows, or an internal error",
      "2:bad usage or an invalid spec (nothing called or written)",
      "4:stopped incomplete: the cost cap was reached; resume it with a higher --max-usd",
      "130:interrupted by SIGINT (Ctrl-C); resume it",
      "143:stopped by SIGTERM; resume it",
      "129:stopped by SIGHUP; resume it"
    })
final class RunCommand implements Callable<Integer> {
  /** How long calls in flight may go on after a stop signal before they are cancelled. */
  static final Duration DRAIN = Duration.ofSeconds(3);

  private final CliContext context;

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin StoreOptions store;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC", description = "The run spec (YAML)")
  Path specFile;

  @Option(
      names = "--dry-run",
      description = "Print tasks, estimated tokens and cost per model; call nothing")
  boolean dryRun;

  @Option(
      names = "--resume",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "RUN",
      description = "Finish an unfinished run (default: the newest unfinished run of this spec)")
  String resume;

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description = "Work run ID together with other processes (PostgreSQL --db; SPEC §8)")
  String workerRunId;

  @Option(names = "--concurrency", paramLabel = "N", description = "Calls in flight in all")
  Integer concurrency;

  @Option(names = "--samples", paramLabel = "N", description = "Answers per (prompt, model)")
  Integer samples;

  @Option(names = "--models", paramLabel = "ID", split = ",", description = "Only these model ids")
  List<String> models;

  @Option(names = "--max-usd", paramLabel = "USD", description = "Cost cap for the run")
  BigDecimal maxUsd;

  @Option(
      names = "--max-tasks",
      paramLabel = "N",
      description = "Allow up to N tasks, in place of the spec's max_tasks (default 100,000)")
  Integer maxTasks;

  @Option(
      names = "--max-failure-rate",
      paramLabel = "PERCENT",
      defaultValue = "5",
      description =
          "Fail the run (exit 1) when more than this share of tasks failed (default: ${DEFAULT-VALUE})")
  double maxFailureRate;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress or summary on stderr")
  boolean quiet;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      completionCandidates = OptionValues.ProgressModes.class,
      defaultValue = "auto",
      description = "Progress on stderr: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  ProgressMode progress;

  @Option(
      names = "--log-json",
      paramLabel = "FILE",
      description = "Append one JSON line per call attempt to FILE (no keys, no headers)")
  Path logJson;

  @Option(
      names = "--metrics-file",
      paramLabel = "FILE",
      description =
          "Write the run's metrics to FILE in the Prometheus text format when it ends (for "
              + "node_exporter's textfile collector), whole or not at all")
  Path metricsFile;

  RunCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    placeSpec();
    RunOptions options = options();
    LoadedSpec loaded =
        SpecFiles.load(
            specFile,
            context.env(),
            maxTasks == null ? OptionalInt.empty() : OptionalInt.of(maxTasks));
    // in every mode, before anything is called or written: a secret that cannot be sent is refused
    context.secrets().collect(RunPreparation.effectiveSpec(loaded.spec(), options), context.env());
    var err = spec.commandLine().getErr();
    if (dryRun) {
      new DryRunPrinter(spec.commandLine().getOut(), err).print(loaded, options, context.env());
      LintPrinter.print(loaded, err);
      return 0;
    }
    Optional<AtomicFile> metricsOut =
        Optional.ofNullable(metricsFile).map(f -> new AtomicFile("--metrics-file", f).checked());
    CallStats calls = new CallStats();
    ProviderFactory providers = new ProviderFactory(context.env(), context.clock());
    // a new run is checked whole before the database is touched; a resume needs the database
    PreparedRun prepared =
        resume == null ? RunPreparation.prepare(loaded, options, providers, context.env()) : null;
    try (AttemptLog log = logJson == null ? null : AttemptLog.open(logJson);
        Store db = store.open(context.env(), resume == null, context.clock())) {
      RunService service =
          new RunService(
              db,
              providers,
              context.env(),
              context.clock(),
              context.sleeper(),
              context.random(),
              log == null
                  ? calls
                  : event -> {
                    calls.attemptEnded(event);
                    log.attemptEnded(event);
                  },
              context.secrets());
      ProgressPrinter printer =
          new ProgressPrinter(
              err, quiet ? ProgressMode.NONE : progress, context.terminal(), context.clock());
      AtomicReference<String> runId = new AtomicReference<>("RUN");
      Consumer<String> onRun =
          id -> {
            runId.set(id);
            printer.start(id);
          };
      try (StopSignals signals =
          new StopSignals(
              () -> service.interrupt(DRAIN),
              DRAIN,
              context.interrupts(),
              err,
              () -> RunSummaryPrinter.resumeCommand(specFile, runId.get()))) {
        printer.startTicker();
        RunOutcome outcome =
            resume == null
                ? workerRunId == null
                    ? service.start(prepared, options, onRun, printer)
                    : service.join(prepared, workerRunId, options, onRun, printer)
                : service.resume(
                    resume.isBlank() ? Optional.empty() : Optional.of(resume),
                    loaded,
                    options,
                    onRun,
                    printer);
        printer.stop();
        RunSummary after = db.findRun(outcome.runId()).orElseThrow();
        tell(err, outcome, after, options, log, ModelsWithoutAnswers.of(db, after), calls);
        printRunId(outcome.runId());
        // after the run id: a metrics file that cannot be written must not hide which run it was
        metricsOut.ifPresent(f -> f.write(PrometheusMetrics.of(after, outcome, calls.byModel())));
        return signals.exitCode(
            outcome.interrupted(), RunService.exitCode(outcome, after, options));
      } finally {
        printer.stop();
      }
    }
  }

  /** The summary, or with --quiet only how to resume; why the exit code is 1; a broken log. */
  private void tell(
      PrintWriter err,
      RunOutcome outcome,
      RunSummary after,
      RunOptions options,
      AttemptLog log,
      List<String> modelsWithoutAnswers,
      CallStats calls) {
    if (!quiet) {
      new RunSummaryPrinter(err).print(outcome, after, specFile, modelsWithoutAnswers);
      new RunSummaryPrinter(err).printLatency(calls.byModel());
    } else if (outcome.interrupted()) {
      err.println(
          "vis: interrupted; resume with: "
              + RunSummaryPrinter.resumeCommand(specFile, after.id()));
    }
    if (!outcome.interrupted() && RunService.failureRateExceeded(after, options)) {
      err.println(
          String.format(
              Locale.ROOT,
              "vis: %d of %d answered tasks failed, over --max-failure-rate %s%%: exit 1",
              after.failed(),
              after.ok() + after.failed(),
              new BigDecimal(Double.toString(maxFailureRate))
                  .stripTrailingZeros()
                  .toPlainString()));
    }
    if (log != null && log.broken()) {
      err.println(
          "vis: --log-json "
              + TerminalText.escape(log.path().toString())
              + ": a write failed; the log is incomplete");
    }
    err.flush();
  }

  /** The product: the run id. A reader that left early changes nothing about the run's code. */
  private void printRunId(String id) {
    PrintWriter out = spec.commandLine().getOut();
    try {
      out.println(id);
      out.flush();
    } catch (ClosedPipeException e) {
      // `vis run spec.yaml | true`: the run is stored either way
    }
  }

  /**
   * SPEC comes first and {@code --resume} takes an optional run, so {@code vis run --resume
   * spec.yaml} hands the spec to {@code --resume}: take it back when it names a spec file.
   */
  private void placeSpec() {
    if (resume != null && looksLikeSpec(resume) && (specFile == null || !Files.exists(specFile))) {
      String run = specFile == null ? "" : specFile.toString();
      specFile = Path.of(resume);
      resume = run;
    }
    if (specFile == null) {
      throw VisException.usage(
          "missing SPEC: write `vis run SPEC`, or `vis run SPEC --resume [RUN]` to finish a run");
    }
  }

  private static boolean looksLikeSpec(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return true;
    }
    try {
      return !value.isBlank() && Files.isRegularFile(Path.of(value));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private RunOptions options() {
    if (concurrency != null && concurrency < 1) {
      throw VisException.usage("--concurrency must be at least 1 (got " + concurrency + ")");
    }
    if (samples != null && samples < 1) {
      throw VisException.usage("--samples must be at least 1 (got " + samples + ")");
    }
    if (maxTasks != null && maxTasks < 1) {
      throw VisException.usage("--max-tasks must be at least 1 (got " + maxTasks + ")");
    }
    if (maxUsd != null && maxUsd.signum() <= 0) {
      throw VisException.usage(
          "--max-usd must be more than 0 (got " + maxUsd.toPlainString() + ")");
    }
    if (maxFailureRate < 0 || maxFailureRate > 100) {
      throw VisException.usage(
          "--max-failure-rate is a percentage from 0 to 100 (got " + maxFailureRate + ")");
    }
    if (resume != null && workerRunId != null) {
      throw VisException.usage("--run-id and --resume do not go together: a worker joins its run");
    }
    if (resume != null && (samples != null || models != null)) {
      throw VisException.usage(
          "--samples and --models do not apply to --resume: a run is finished as it was started"
              + " (only --concurrency and --max-usd apply)");
    }
    return new RunOptions(
        concurrency == null ? OptionalInt.empty() : OptionalInt.of(concurrency),
        samples == null ? OptionalInt.empty() : OptionalInt.of(samples),
        Optional.ofNullable(models).map(List::copyOf),
        Optional.ofNullable(maxUsd),
        maxFailureRate);
  }
}
