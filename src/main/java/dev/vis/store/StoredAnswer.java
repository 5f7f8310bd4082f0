package dev.vis.store;

import dev.vis.analysis.SourceRef;
import java.util.List;

/**
 * An answered task's text and provider sources, the input of a re-analysis, with the cell its
 * analysis counts in.
 *
 * @param taskId task of the run being analysed
 * @param text analysed text
 * @param sources the provider's own citation fields
 * @param promptId the task's prompt
 * @param modelId the task's model
 * @param grounded whether a web search ran for the answer
 */
public record StoredAnswer(
    long taskId,
    String text,
    List<SourceRef> sources,
    String promptId,
    String modelId,
    boolean grounded) {
  public StoredAnswer {
    sources = List.copyOf(sources);
  }
}
