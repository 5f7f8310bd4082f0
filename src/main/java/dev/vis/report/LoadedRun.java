package dev.vis.report;

import dev.vis.analysis.RunMetrics;
import dev.vis.analysis.UntrackedBrand;
import dev.vis.spec.RunSpec;
import java.util.List;
import java.util.Optional;

/**
 * A run read from the store: its facts, its metrics and which brands are primary.
 *
 * @param facts the run's identity, progress and cost
 * @param metrics its figures and tallies
 * @param primaryBrands the brands the spec marks primary, the default gated brands
 * @param spec the run's own spec
 * @param storedUntracked its untracked brands, when its stored results hold them
 */
record LoadedRun(
    RunFacts facts,
    RunMetrics metrics,
    List<String> primaryBrands,
    RunSpec spec,
    Optional<List<UntrackedBrand>> storedUntracked) {
  LoadedRun {
    primaryBrands = List.copyOf(primaryBrands);
  }
}
