package dev.vis.cli;

import dev.vis.VisException;
import dev.vis.engine.RunOptions;
import dev.vis.engine.RunOutcome;
import dev.vis.engine.RunService;
import dev.vis.provider.ProviderFactory;
import dev.vis.spec.LoadedSpec;
import dev.vis.store.RunSummary;
import dev.vis.store.Store;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    })
final class RunCommand implements Callable<Integer> {
  /** How long calls in flight may go on after Ctrl-C before they are cancelled. */
  static final Duration DRAIN = Duration.ofSeconds(3);

  private final CliContext context;

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin StoreOptions store;

  @Parameters(index = "0", paramLabel = "SPEC", description = "The run spec (YAML)")
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

  @Option(names = "--concurrency", paramLabel = "N", description = "Calls in flight in all")
  Integer concurrency;

  @Option(names = "--samples", paramLabel = "N", description = "Answers per (prompt, model)")
  Integer samples;

  @Option(names = "--models", paramLabel = "ID", split = ",", description = "Only these model ids")
  List<String> models;

  @Option(names = "--max-usd", paramLabel = "USD", description = "Cost cap for the run")
  BigDecimal maxUsd;

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
    RunOptions options = options();
    LoadedSpec loaded = SpecFiles.load(specFile, context.env());
    if (dryRun) {
      new DryRunPrinter(spec.commandLine().getOut()).print(loaded, options, context.env());
      return 0;
    }
    var err = spec.commandLine().getErr();
    Optional<AtomicFile> metricsOut =
        Optional.ofNullable(metricsFile).map(f -> new AtomicFile("--metrics-file", f).checked());
    CallStats calls = new CallStats();
    ProviderFactory providers = new ProviderFactory(context.env(), context.clock());
    // a new run is checked whole before the database is touched; a resume needs the database
    RunService.PreparedRun prepared =
        resume == null ? RunService.prepare(loaded, options, providers, context.env()) : null;
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
                  });
      ProgressPrinter printer =
          new ProgressPrinter(
              err, quiet ? ProgressMode.NONE : progress, context.terminal(), context.clock());
      AtomicReference<String> runId = new AtomicReference<>("RUN");
      CtrlC ctrlC =
          new CtrlC(
              () -> service.interrupt(DRAIN),
              context.interrupts(),
              err,
              () -> RunSummaryPrinter.resumeCommand(specFile, runId.get()));
      CountDownLatch finished = new CountDownLatch(1);
      Thread hook = terminationHook(service, finished);
      Runtime.getRuntime().addShutdownHook(hook);
      Consumer<String> onRun =
          id -> {
            runId.set(id);
            printer.start(id);
          };
      Interrupts.Watch watch = context.interrupts().watch(ctrlC);
      try {
        printer.startTicker();
        RunOutcome outcome =
            resume == null
                ? service.start(prepared, options, onRun, printer)
                : service.resume(
                    resume.isBlank() ? Optional.empty() : Optional.of(resume),
                    loaded,
                    options,
                    onRun,
                    printer);
        printer.stop();
        RunSummary after = db.findRun(outcome.runId()).orElseThrow();
        if (!quiet) {
          new RunSummaryPrinter(err).print(outcome, after, specFile);
          new RunSummaryPrinter(err).printLatency(calls.byModel());
        } else if (outcome.interrupted()) {
          err.println(
              "vis: interrupted; resume with: "
                  + RunSummaryPrinter.resumeCommand(specFile, after.id()));
        }
        if (!outcome.interrupted() && RunService.failureRateExceeded(after, options)) {
          err.println(
              String.format(
                  java.util.Locale.ROOT,
                  "vis: %d of %d answered tasks failed, over --max-failure-rate %s%%: exit 1",
                  after.failed(),
                  after.ok() + after.failed(),
                  new BigDecimal(Double.toString(maxFailureRate))
                      .stripTrailingZeros()
                      .toPlainString()));
        }
        if (log != null && log.broken()) {
          err.println("vis: --log-json " + log.path() + ": a write failed; the log is incomplete");
        }
        err.flush();
        spec.commandLine().getOut().println(outcome.runId());
        spec.commandLine().getOut().flush();
        // after the run id: a metrics file that cannot be written must not hide which run it was
        metricsOut.ifPresent(f -> f.write(PrometheusMetrics.of(after, outcome, calls.byModel())));
        return RunService.exitCode(outcome, after, options);
      } finally {
        watch.close();
        printer.stop();
        finished.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // the JVM is already shutting down (SIGTERM): the hook is running
        }
      }
    }
  }

  /**
   * SIGTERM (and Ctrl-C where no signal handler could be installed): the JVM runs shutdown hooks,
   * so the hook drains like a first Ctrl-C and holds the exit until the run is settled.
   */
  private static Thread terminationHook(RunService service, CountDownLatch finished) {
    return new Thread(
        () -> {
          service.interrupt(DRAIN);
          try {
            finished.await(DRAIN.plusSeconds(7).toSeconds(), TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        },
        "vis-terminate");
  }

  private RunOptions options() {
    if (concurrency != null && concurrency < 1) {
      throw VisException.usage("--concurrency must be at least 1 (got " + concurrency + ")");
    }
    if (samples != null && samples < 1) {
      throw VisException.usage("--samples must be at least 1 (got " + samples + ")");
    }
    if (maxUsd != null && maxUsd.signum() <= 0) {
      throw VisException.usage(
          "--max-usd must be more than 0 (got " + maxUsd.toPlainString() + ")");
    }
    if (maxFailureRate < 0 || maxFailureRate > 100) {
      throw VisException.usage(
          "--max-failure-rate is a percentage from 0 to 100 (got " + maxFailureRate + ")");
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
