package dev.vis.report;

import dev.vis.analysis.BrandDelta;
import dev.vis.analysis.BrandStanding;
import dev.vis.analysis.Cell;
import dev.vis.analysis.Comparison;
import dev.vis.analysis.MetricDefinition;
import dev.vis.analysis.RateMetric;
import dev.vis.analysis.RunMetrics;
import dev.vis.analysis.Verdict;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What an analyst should conclude, which every format opens with (SPEC §7), and the definitions
 * every format closes with: computed once here, so the markdown, JSON and HTML reports say the
 * same.
 *
 * @param primaryBrand the brand the spec marks primary, if any
 * @param standings the primary brand's standing (without one, the leading brand's) in each overall
 *     row of the headline figures: one per grounding that occurs; empty when no brand is tracked
 * @param changes with a baseline, each gated brand's change, the primary brand first
 * @param definitions what each metric counts, over what, and its interval
 */
public record Summary(
    Optional<String> primaryBrand,
    List<BrandStanding> standings,
    List<Change> changes,
    List<MetricDefinition> definitions) {
  public Summary {
    Objects.requireNonNull(primaryBrand, "primaryBrand");
    standings = List.copyOf(standings);
    changes = List.copyOf(changes);
    definitions = List.copyOf(definitions);
  }

  /**
   * One gated brand's change against the baseline.
   *
   * @param baselineRunId the baseline's run
   * @param metric the rate compared
   * @param delta the gate's figures and verdict
   * @param gating whether a drop fails the build ({@code --fail-on-drop}); else it is informative
   * @param level the level its p-value is tested at: alpha / gated brands
   * @param detectableDrop when the gate found no drop, the smallest drop (a fraction) it would have
   *     caught with 80% power at {@code level}: "no change" is not "no risk"
   */
  public record Change(
      String baselineRunId,
      RateMetric metric,
      BrandDelta delta,
      boolean gating,
      double level,
      OptionalDouble detectableDrop) {
    public Change {
      Objects.requireNonNull(baselineRunId, "baselineRunId");
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(delta, "delta");
      Objects.requireNonNull(detectableDrop, "detectableDrop");
    }

    /**
     * "the smallest drop this run could have caught is 17.2 pp (80% power at alpha 0.05)", in the
     * words every format uses; empty when no figure is stated.
     */
    public Optional<String> detectableDropPhrase() {
      if (detectableDrop.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          "the smallest drop this run could have caught is "
              + FigureText.oneDecimal(detectableDrop.getAsDouble() * 100)
              + " pp (80% power at alpha "
              + new BigDecimal(level).round(new MathContext(3)).stripTrailingZeros().toPlainString()
              + ")");
    }

    static Change of(ComparisonView view, BrandDelta delta) {
      Comparison c = view.comparison();
      boolean noDrop =
          delta.verdict() == Verdict.OK || delta.verdict() == Verdict.DROP_WITHIN_NOISE;
      return new Change(
          view.baseline().facts().runId(),
          c.metric(),
          delta,
          view.gating(),
          c.perBrandAlpha(),
          noDrop ? delta.detectableDrop() : OptionalDouble.empty());
    }
  }

  /** The summary of {@code metrics}, compared as {@code comparison} says. */
  static Summary of(
      RunMetrics metrics, Optional<ComparisonView> comparison, Optional<String> primaryBrand) {
    List<BrandStanding> standings = new ArrayList<>();
    for (Cell cell : metrics.headline().overall()) {
      if (cell.brands().isEmpty()) {
        continue;
      }
      String brand =
          primaryBrand
              .filter(p -> cell.brands().stream().anyMatch(b -> b.brand().equals(p)))
              .orElseGet(() -> BrandStanding.leader(cell));
      standings.add(BrandStanding.of(cell, brand));
    }
    List<Change> changes = new ArrayList<>();
    comparison.ifPresent(
        c ->
            c.comparison().brands().stream()
                .sorted(
                    (a, b) ->
                        Boolean.compare(
                            !primaryBrand.equals(Optional.of(a.brand())),
                            !primaryBrand.equals(Optional.of(b.brand()))))
                .forEach(d -> changes.add(Change.of(c, d))));
    return new Summary(primaryBrand, standings, changes, MetricDefinition.all());
  }

  /** Whether {@code brand} is the primary brand, marked wherever brands are listed. */
  public boolean isPrimary(String brand) {
    return primaryBrand.filter(brand::equals).isPresent();
  }
}
