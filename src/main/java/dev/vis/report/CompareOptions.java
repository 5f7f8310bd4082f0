package dev.vis.report;

import dev.vis.VisException;
import dev.vis.analysis.RateMetric;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What to compare a run with ({@code --baseline}), and when the comparison fails the build.
 *
 * @param baseline a run reference or a JSON report file
 * @param failOnDrop the drop in percentage points beyond which the gate may trip; absent: compare
 *     only, never trip
 * @param metric the compared rate, one the gate compares
 * @param brands the gated brands as the user named them; empty means the primary brand
 * @param alpha the significance level shared by the gated brands (Bonferroni)
 */
public record CompareOptions(
    String baseline,
    OptionalDouble failOnDrop,
    RateMetric metric,
    List<String> brands,
    double alpha) {
  public CompareOptions {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(failOnDrop, "failOnDrop");
    Objects.requireNonNull(metric, "metric");
    brands = List.copyOf(brands);
  }

  /**
   * The options of the command line; empty without {@code --baseline}.
   *
   * @param metric the gate word of a rate ({@link RateMetric#gateWords()}): {@code mention} or
   *     {@code share}
   * @throws VisException with exit code 2 for a gate option without a baseline or a value out of
   *     range
   */
  public static Optional<CompareOptions> parse(
      Optional<String> baseline,
      Optional<Double> failOnDrop,
      String metric,
      List<String> brands,
      double alpha) {
    RateMetric parsedMetric =
        RateMetric.ofGateWord(metric)
            .orElseThrow(() -> Choice.unknown("--metric", metric, RateMetric.gateWords()));
    if (!(alpha > 0 && alpha < 1)) {
      throw VisException.usage("--alpha: " + alpha + " is not between 0 and 1 (exclusive)");
    }
    if (failOnDrop.isPresent() && !(failOnDrop.get() >= 0 && failOnDrop.get() <= 100)) {
      throw VisException.usage(
          "--fail-on-drop: " + failOnDrop.get() + " is not a number of percentage points (0-100)");
    }
    if (baseline.isEmpty()) {
      if (failOnDrop.isPresent()) {
        throw VisException.usage("--fail-on-drop needs --baseline RUN|FILE.json to compare with");
      }
      if (!brands.isEmpty()) {
        throw VisException.usage("--gate-brand needs --baseline RUN|FILE.json to compare with");
      }
      return Optional.empty();
    }
    if (baseline.get().isBlank()) {
      throw VisException.usage("--baseline: empty value (expected a run or a JSON report file)");
    }
    return Optional.of(
        new CompareOptions(
            baseline.get(),
            failOnDrop.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
            parsedMetric,
            brands,
            alpha));
  }

  /** Whether a drop can fail the build. */
  public boolean gating() {
    return failOnDrop.isPresent();
  }
}
