package dev.vis.report;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The breakdowns {@code vis report --by} adds below the brand summary. */
public enum Slice implements Choice {
  /** One row per model. */
  MODEL,
  /** One row per prompt. */
  PROMPT,
  /** One row per prompt tag. */
  TAG;

  /**
   * Parses each value of a repeatable option whose values may also be comma lists ({@code --by
   * model --by prompt,tag}); no value at all means every breakdown.
   *
   * @throws dev.vis.VisException with exit code 2 for an unknown word
   */
  public static Set<Slice> parseAll(List<String> values) {
    if (values.isEmpty()) {
      return EnumSet.allOf(Slice.class);
    }
    Set<Slice> chosen = EnumSet.noneOf(Slice.class);
    for (String value : values) {
      for (String word : value.split(",", -1)) {
        chosen.add(Choice.parse(Slice.class, "--by", word));
      }
    }
    return chosen;
  }
}
