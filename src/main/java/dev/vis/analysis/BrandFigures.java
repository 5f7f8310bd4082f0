package dev.vis.analysis;

import java.util.OptionalDouble;

/**
 * Every metric of one brand in one cell (overall, one model, one prompt or one tag).
 *
 * <p>The intervals of {@code mentionRate}, {@code shareOfVoice}, {@code top1Rate} and {@code
 * citationRate} follow the cell's {@link Cell#interval()}; {@code promptCoverage} always has a
 * Wilson interval over prompts.
 *
 * @param brand the brand's name
 * @param mentionRate answers naming the brand / answers received
 * @param promptCoverage prompts where at least one answer names it / prompts
 * @param shareOfVoice answers naming it / sum over tracked brands of answers naming each
 * @param mentionCount all stretches of text naming it, summed over answers
 * @param averagePosition mean position over the answers naming it, absent when none do
 * @param top1Rate answers naming it first / answers received
 * @param positionWeighted mean over answers of 0.9^(position-1), 0 when not named
 * @param citationRate answers citing one of its domains (kind cited) / answers received
 * @param positionSum sum of its positions over the answers naming it: {@code averagePosition} is
 *     {@code positionSum / mentionRate.numerator}
 * @param positionWeightedSum sum of 0.9^(position-1) over answers: {@code positionWeighted} is
 *     {@code positionWeightedSum / mentionRate.denominator}
 */
public record BrandFigures(
    String brand,
    Proportion mentionRate,
    Proportion promptCoverage,
    Proportion shareOfVoice,
    long mentionCount,
    OptionalDouble averagePosition,
    Proportion top1Rate,
    double positionWeighted,
    Proportion citationRate,
    long positionSum,
    double positionWeightedSum) {}
