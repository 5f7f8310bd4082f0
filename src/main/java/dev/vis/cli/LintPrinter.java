package dev.vis.cli;

import dev.vis.analysis.LintWarning;
import dev.vis.analysis.SpecLint;
import dev.vis.engine.RunPreparation;
import dev.vis.spec.LoadedSpec;
import dev.vis.store.StoredModel;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Prints the spec lint of {@code vis validate} and {@code vis run --dry-run} on stderr. */
final class LintPrinter {
  private LintPrinter() {}

  /** Prints one {@code file:line:col: warning: …} line per warning; returns how many. */
  static int print(LoadedSpec loaded, PrintWriter err) {
    Set<String> priced =
        RunPreparation.priced(loaded.spec()).stream()
            .filter(m -> m.price().isPresent())
            .map(StoredModel::spec)
            .map(m -> m.id())
            .collect(Collectors.toSet());
    List<LintWarning> warnings = SpecLint.check(loaded, m -> priced.contains(m.id()));
    warnings.forEach(w -> err.println(TerminalText.escape(w.toString())));
    err.flush();
    return warnings.size();
  }
}
