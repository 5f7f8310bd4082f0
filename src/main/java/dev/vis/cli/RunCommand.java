package dev.vis.cli;

import dev.vis.VisException;
import dev.vis.engine.PreparedRun;
import dev.vis.engine.RunOptions;
import dev.vis.engine.RunPreparation;
import dev.vis.provider.ProviderFactory;
import dev.vis.spec.LoadedSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
final class RunCommand extends Subcommand {
  @Mixin RunOverrides overrides;
  @Mixin RunReporting reporting;

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

  @Override
  public Integer call() throws Exception {
    CliContext context = context();
    placeSpec();
    if (resume != null && workerRunId != null) {
      throw VisException.usage("--run-id and --resume do not go together: a worker joins its run");
    }
    RunOptions options = overrides.options(resume != null);
    reporting.checked();
    LoadedSpec loaded = SpecFiles.load(specFile, context.env(), overrides.maxTasks());
    // in every mode, before anything is called or written: a secret that cannot be sent is refused
    context.secrets().collect(RunPreparation.effectiveSpec(loaded.spec(), options), context.env());
    PrintWriter out = out();
    PrintWriter err = err();
    if (dryRun) {
      new DryRunPrinter(out, err).print(loaded, options, context.env());
      LintPrinter.print(loaded, err);
      return 0;
    }
    RunSession session = new RunSession(context, out, err, specFile, reporting);
    try (ProviderFactory providers = new ProviderFactory(context.env(), context.clock())) {
      boolean fresh = resume == null;
      // a new run is checked whole before the database is touched; a resume needs the database
      PreparedRun prepared =
          fresh ? RunPreparation.prepare(loaded, options, providers, context.env()) : null;
      Optional<String> run = fresh || resume.isBlank() ? Optional.empty() : Optional.of(resume);
      return session.run(
          () -> store.open(context.env(), fresh, context.clock()),
          providers,
          options,
          (service, onRun, progress) ->
              !fresh
                  ? service.resume(run, loaded, options, onRun, progress)
                  : workerRunId == null
                      ? service.start(prepared, options, onRun, progress)
                      : service.join(prepared, workerRunId, options, onRun, progress));
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
}
