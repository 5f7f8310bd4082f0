package dev.vis.analysis;

import java.util.List;

/**
 * Every stretch of one answer that counts for a tracked brand, and every look-alike that does not,
 * as the analysis saw them ({@code vis explain}).
 *
 * @param counted the mentions, by offset
 * @param ignored the look-alikes, by offset
 */
public record AnswerExplanation(List<CountedStretch> counted, List<IgnoredStretch> ignored) {
  public AnswerExplanation {
    counted = List.copyOf(counted);
    ignored = List.copyOf(ignored);
  }

  /** Only what concerns one brand. */
  public AnswerExplanation of(String brand) {
    return new AnswerExplanation(
        counted.stream().filter(c -> c.brand().equals(brand)).toList(),
        ignored.stream().filter(i -> i.brand().equals(brand)).toList());
  }
}
