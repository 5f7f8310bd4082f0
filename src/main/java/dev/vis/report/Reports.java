package dev.vis.report;

import dev.vis.VisException;
import dev.vis.analysis.Comparison;
import dev.vis.analysis.GateOptions;
import dev.vis.analysis.RegressionGate;
import dev.vis.store.RunSummary;
import dev.vis.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** Builds a report: the run's figures and, with {@code --baseline}, the comparison and verdict. */
public final class Reports {
  private Reports() {}

  /**
   * The report of run {@code reference}.
   *
   * @param warn receives warnings for stderr (brand rules that differ)
   * @throws VisException with exit code 2 for an unknown gated brand, a run or baseline that is not
   *     done, or an unreadable baseline
   */
  public static Report build(
      Store db, String reference, ReportOptions options, Consumer<String> warn) {
    RunSummary summary = db.run(reference);
    LoadedRun run = ReportLoader.load(db, summary, options.includeBranded());
    Optional<ComparisonView> comparison = Optional.empty();
    if (options.compare().isPresent()) {
      CompareOptions compare = options.compare().get();
      refuseUnfinished("run " + run.facts().runId(), run.facts());
      Baseline baseline = baseline(db, compare.baseline(), options.includeBranded());
      refuseUnfinished(
          "baseline " + baseline.source() + " (run " + baseline.facts().runId() + ")",
          baseline.facts());
      List<String> brands = gatedBrands(compare, run);
      if (!baseline.tallies().brandRules().equals(run.metrics().tallies().brandRules())) {
        String baselineId = baseline.facts().runId();
        warn.accept(
            ("vis: warning: run %s and baseline %s counted brands under different rules (names,"
                    + " aliases, exclude phrases or domains); deltas may be artefacts. Re-score the"
                    + " baseline under today's spec with: vis replay %s --spec SPEC")
                .formatted(run.facts().runId(), baselineId, baselineId));
      }
      Comparison result =
          RegressionGate.compare(
              baseline.tallies(),
              run.metrics().tallies(),
              GateOptions.of(
                  compare.metric(), brands, compare.failOnDrop().orElse(0), compare.alpha()));
      comparison = Optional.of(new ComparisonView(baseline, result, compare.gating()));
    }
    return new Report(
        ReportData.of(
            run.facts(),
            run.metrics(),
            options.slices(),
            comparison,
            run.primaryBrands().stream().findFirst(),
            ReportLoader.untrackedBrands(db, run)));
  }

  private static Baseline baseline(Store db, String reference, boolean includeBranded) {
    if (BaselineFile.isFile(reference)) {
      return BaselineFile.read(Path.of(reference));
    }
    LoadedRun run = ReportLoader.load(db, db.run(reference), includeBranded);
    return new Baseline(reference, run.facts(), run.metrics().tallies());
  }

  private static void refuseUnfinished(String what, RunFacts facts) {
    if (!facts.done()) {
      throw VisException.usage(
          what
              + " is "
              + facts.status()
              + ", not done: a comparison needs finished runs"
              + " (finish it with vis run SPEC --resume "
              + facts.runId()
              + ")");
    }
  }

  /** The gated brands in spec spelling; the primary brand by default. */
  static List<String> gatedBrands(CompareOptions compare, LoadedRun run) {
    List<String> known = run.metrics().tallies().brands();
    if (compare.brands().isEmpty()) {
      List<String> primary = run.primaryBrands();
      if (primary.isEmpty()) {
        throw VisException.usage(
            "no brand is primary: name the brand to compare with --gate-brand NAME (brands: "
                + String.join(", ", known)
                + ")");
      }
      return primary;
    }
    List<String> chosen = new ArrayList<>();
    for (String name : compare.brands()) {
      String match =
          known.stream()
              .filter(k -> k.toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT)))
              .findFirst()
              .orElseThrow(
                  () ->
                      VisException.usage(
                          "--gate-brand: unknown brand '"
                              + name
                              + "' (brands: "
                              + String.join(", ", known)
                              + ")"));
      if (!chosen.contains(match)) {
        chosen.add(match);
      }
    }
    return chosen;
  }
}
