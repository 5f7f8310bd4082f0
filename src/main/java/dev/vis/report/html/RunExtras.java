package dev.vis.report.html;

import java.util.List;

/**
 * What the HTML report reads from the store beyond the shared report model: the primary brands and
 * why tasks failed.
 *
 * @param primaryBrands the brands the spec marks primary
 * @param failures failed tasks grouped by cause and model, most frequent first
 */
record RunExtras(List<String> primaryBrands, List<FailureCount> failures) {
  RunExtras {
    primaryBrands = List.copyOf(primaryBrands);
    failures = List.copyOf(failures);
  }

  static RunExtras none() {
    return new RunExtras(List.of(), List.of());
  }
}
