package dev.vis.analysis;

import java.util.OptionalInt;

/**
 * A stretch of an answer that counts as a mention of a brand.
 *
 * @param brand the brand's name as the spec wrote it
 * @param offset code points of the answer text before it
 * @param text the stretch as the answer wrote it
 * @param rule how it matched
 * @param list the list holding it: 1 for the main list, 2 for the next, …
 * @param rank the rank a reader sees, when it sits in an item of the main list
 */
public record CountedStretch(
    String brand, int offset, String text, MatchRule rule, OptionalInt list, OptionalInt rank) {}
