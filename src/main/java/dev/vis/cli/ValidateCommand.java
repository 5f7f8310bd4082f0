package dev.vis.cli;

import dev.vis.engine.RunOptions;
import dev.vis.engine.RunPreparation;
import dev.vis.provider.ProviderFactory;
import dev.vis.spec.LoadedSpec;
import dev.vis.spec.RunSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code vis validate SPEC}: the checks {@code vis run} makes before its first call, and lint
 * warnings about what would make the figures misleading; calls and writes nothing.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a spec without calling or writing anything. An error exits 2, as vis run would; "
          + "warnings (file:line:col: warning: …, on stderr) exit 0: a brand name or alias that "
          + "is a common word, or one or two letters matched ignoring case; an alias that is "
          + "another brand's domain; a branded prompt; a model without a price.",
      "vis run SPEC --dry-run prints the same warnings."
    })
final class ValidateCommand extends Subcommand {
  @Parameters(index = "0", paramLabel = "SPEC", description = "The run spec (YAML)")
  Path specFile;

  @Override
  public Integer call() {
    LoadedSpec loaded = SpecFiles.load(specFile, context().env());
    try (ProviderFactory providers = new ProviderFactory(context().env(), context().clock())) {
      RunPreparation.prepare(loaded, RunOptions.defaults(), providers, context().env());
    }
    PrintWriter err = err();
    int warnings = LintPrinter.print(loaded, err);
    RunSpec run = loaded.spec();
    err.printf(
        Locale.ROOT,
        "%s: valid: %d prompts x %d models x %d samples = %d tasks; %d warning%s%n",
        specFile,
        run.prompts().size(),
        run.models().size(),
        run.samples(),
        (long) run.prompts().size() * run.models().size() * run.samples(),
        warnings,
        warnings == 1 ? "" : "s");
    err.flush();
    return 0;
  }
}
