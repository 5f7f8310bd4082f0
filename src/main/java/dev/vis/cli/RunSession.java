package dev.vis.cli;

import dev.vis.engine.RunEngine;
import dev.vis.engine.RunOptions;
import dev.vis.engine.RunOutcome;
import dev.vis.engine.RunService;
import dev.vis.engine.Sleeper;
import dev.vis.provider.ProviderFactory;
import dev.vis.report.ModelsWithoutAnswers;
import dev.vis.store.RunSummary;
import dev.vis.store.Store;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One {@code vis run} session, from opening the attempt log and the database to the exit code:
 * progress and stop signals around the engine, then the summary, the run id and the metrics file.
 */
final class RunSession {
  /** How long calls in flight may go on after a stop signal before they are cancelled. */
  static final Duration DRAIN = Duration.ofSeconds(3);

  /** Starts or resumes the run on the service this session wired. */
  @FunctionalInterface
  interface Launch {
    RunOutcome run(RunService service, Consumer<String> onRun, RunEngine.Progress progress);
  }

  private final CliContext context;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Path specFile;
  private final RunReporting reporting;
  private final Optional<AtomicFile> metrics;

  /**
   * Checks {@code --metrics-file} at once, so that a file that cannot be written is refused before
   * any work.
   *
   * @param specFile the spec, named again in the command that resumes the run
   */
  RunSession(
      CliContext context, PrintWriter out, PrintWriter err, Path specFile, RunReporting reporting) {
    this.context = context;
    this.out = out;
    this.err = err;
    this.specFile = specFile;
    this.reporting = reporting;
    this.metrics = reporting.metrics();
  }

  /** Runs it; returns the exit code. */
  int run(Supplier<Store> database, ProviderFactory providers, RunOptions options, Launch launch)
      throws Exception {
    CallStats calls = new CallStats();
    try (AttemptLog log = reporting.logJson == null ? null : AttemptLog.open(reporting.logJson);
        Store db = database.get()) {
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
      // the ticker paces a display in real time: the context's sleeper is for the run's own waits,
      // and one that returns at once (a test's) would spin it
      ProgressPrinter printer =
          new ProgressPrinter(
              err, reporting.progressMode(), context.terminal(), context.clock(), Sleeper.SYSTEM);
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
        RunOutcome outcome = launch.run(service, onRun, printer);
        printer.stop();
        RunSummary after = db.findRun(outcome.runId()).orElseThrow();
        tell(outcome, after, options, log, ModelsWithoutAnswers.of(db, after), calls);
        printRunId(outcome.runId());
        // after the run id: a metrics file that cannot be written must not hide which run it was
        metrics.ifPresent(f -> f.write(PrometheusMetrics.of(after, outcome, calls.byModel())));
        return signals.exitCode(
            outcome.interrupted(), RunService.exitCode(outcome, after, options));
      } finally {
        printer.stop();
      }
    }
  }

  /** The summary, or with --quiet only how to resume; why the exit code is 1; a broken log. */
  private void tell(
      RunOutcome outcome,
      RunSummary after,
      RunOptions options,
      AttemptLog log,
      List<String> modelsWithoutAnswers,
      CallStats calls) {
    if (!reporting.quiet) {
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
              new BigDecimal(Double.toString(options.maxFailurePercent()))
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
    try {
      out.println(id);
      out.flush();
    } catch (ClosedPipeException e) {
      // `vis run spec.yaml | true`: the run is stored either way
    }
  }
}
