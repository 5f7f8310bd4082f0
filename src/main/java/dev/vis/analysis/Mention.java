package dev.vis.analysis;

import java.util.OptionalInt;

/**
 * How one answer names one brand.
 *
 * @param brand the brand's name as the spec wrote it
 * @param count how many distinct stretches of text name it
 * @param position 1 for the first tracked brand named in the answer, 2 for the second, ...
 * @param listRank the rank a reader sees when the first mention sits in a list item
 * @param firstOffset code points before the first mention in the answer text
 */
public record Mention(
    String brand, int count, int position, OptionalInt listRank, int firstOffset) {}
