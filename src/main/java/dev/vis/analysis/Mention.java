package dev.vis.analysis;

import java.util.OptionalInt;

/**
 * How one answer names one brand.
 *
 * @param brand the brand's name as the spec wrote it
 * @param count how many distinct stretches of text name it
 * @param position 1 for the first tracked brand named in the answer, 2 for the second, ...
 * @param listRank the rank a reader sees when the first mention sits in an item of the answer's
 *     main list
 * @param firstOffset code points before the first mention in the answer text
 * @param list the list holding the first mention: 1 for the main list, 2 for the next, ...
 * @param rule how the first mention matched
 */
public record Mention(
    String brand,
    int count,
    int position,
    OptionalInt listRank,
    int firstOffset,
    OptionalInt list,
    MatchRule rule) {

  /**
   * A mention as readers of metrics see it, which need neither its list nor its rule: a ranked
   * mention is in the main list, and the rule reads as a name.
   */
  public Mention(String brand, int count, int position, OptionalInt listRank, int firstOffset) {
    this(
        brand,
        count,
        position,
        listRank,
        firstOffset,
        listRank.isPresent() ? OptionalInt.of(1) : OptionalInt.empty(),
        MatchRule.NAME);
  }
}
