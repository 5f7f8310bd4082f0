package dev.vis.analysis;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Every metric of one brand in one cell (overall, one model, one prompt or one tag).
 *
 * @param brand the brand's name
 * @param rates every {@link RateMetric} with its counts and interval, in metric order
 * @param mentionCount all stretches of text naming it, summed over answers
 * @param averagePosition mean position over the answers naming it, absent when none do
 * @param positionWeighted mean over answers of 0.9^(position-1), 0 when not named
 * @param positionSum sum of its positions over the answers naming it: {@code averagePosition} is
 *     {@code positionSum / mentionRate.numerator}
 * @param positionWeightedSum sum of 0.9^(position-1) over answers: {@code positionWeighted} is
 *     {@code positionWeightedSum / mentionRate.denominator}
 */
public record BrandFigures(
    String brand,
    Map<RateMetric, Proportion> rates,
    long mentionCount,
    OptionalDouble averagePosition,
    double positionWeighted,
    long positionSum,
    double positionWeightedSum) {
  public BrandFigures {
    if (!rates.keySet().containsAll(EnumSet.allOf(RateMetric.class))) {
      throw new IllegalArgumentException("need every rate metric, got " + rates.keySet());
    }
    rates = Collections.unmodifiableMap(new EnumMap<>(rates));
  }

  /** The brand's figure for {@code metric}. */
  public Proportion rate(RateMetric metric) {
    return rates.get(metric);
  }

  /** Answers naming the brand / answers received: the headline rate. */
  public Proportion mentionRate() {
    return rate(RateMetric.MENTION_RATE);
  }
}
