package dev.vis.report;

import dev.vis.analysis.RunMetrics;
import java.util.List;

/**
 * A run read from the store: its facts, its metrics and which brands are primary.
 *
 * @param facts the run's identity, progress and cost
 * @param metrics its figures and tallies
 * @param primaryBrands the brands the spec marks primary, the default gated brands
 */
record LoadedRun(RunFacts facts, RunMetrics metrics, List<String> primaryBrands) {
  LoadedRun {
    primaryBrands = List.copyOf(primaryBrands);
  }
}
