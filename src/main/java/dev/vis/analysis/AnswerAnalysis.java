package dev.vis.analysis;

import java.util.List;

/**
 * What one answer says about the tracked brands.
 *
 * @param mentions one per brand named, ordered by position
 * @param citations one per distinct URL and kind
 */
public record AnswerAnalysis(List<Mention> mentions, List<Citation> citations) {
  public AnswerAnalysis {
    mentions = List.copyOf(mentions);
    citations = List.copyOf(citations);
  }
}
