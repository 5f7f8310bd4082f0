package dev.vis.analysis;

import java.util.List;

/**
 * One received answer with its analysis, the input of the metrics.
 *
 * @param promptId the prompt asked
 * @param modelId the model that answered
 * @param mentions brands it names
 * @param citations sources it has
 * @param grounded whether a web search ran for the answer (else it is parametric)
 */
public record ScoredAnswer(
    String promptId,
    String modelId,
    List<Mention> mentions,
    List<Citation> citations,
    boolean grounded) {
  public ScoredAnswer {
    mentions = List.copyOf(mentions);
    citations = List.copyOf(citations);
  }
}
