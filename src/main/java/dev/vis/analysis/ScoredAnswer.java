package dev.vis.analysis;

import java.util.List;

/**
 * One received answer with its analysis, the input of the metrics.
 *
 * @param promptId the prompt asked
 * @param modelId the model that answered
 * @param tags the prompt's tags
 * @param mentions brands it names
 * @param citations sources it has
 */
public record ScoredAnswer(
    String promptId,
    String modelId,
    List<String> tags,
    List<Mention> mentions,
    List<Citation> citations) {
  public ScoredAnswer {
    tags = List.copyOf(tags);
    mentions = List.copyOf(mentions);
    citations = List.copyOf(citations);
  }
}
