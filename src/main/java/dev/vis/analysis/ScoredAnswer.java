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
 * @param grounded whether a web search ran for the answer (else it is parametric)
 */
public record ScoredAnswer(
    String promptId,
    String modelId,
    List<String> tags,
    List<Mention> mentions,
    List<Citation> citations,
    boolean grounded) {
  public ScoredAnswer {
    tags = List.copyOf(tags);
    mentions = List.copyOf(mentions);
    citations = List.copyOf(citations);
  }

  /** A parametric answer (no web search ran). */
  public ScoredAnswer(
      String promptId,
      String modelId,
      List<String> tags,
      List<Mention> mentions,
      List<Citation> citations) {
    this(promptId, modelId, tags, mentions, citations, false);
  }

  /** Whether the answer was grounded or parametric. */
  public Grounding grounding() {
    return grounded ? Grounding.GROUNDED : Grounding.PARAMETRIC;
  }
}
