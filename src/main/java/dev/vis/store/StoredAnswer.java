package dev.vis.store;

import dev.vis.analysis.SourceRef;
import java.util.List;

/**
 * An answered task's text and provider sources, the input of a re-analysis.
 *
 * @param taskId task of the run being analysed
 * @param text analysed text
 * @param sources the provider's own citation fields
 */
public record StoredAnswer(long taskId, String text, List<SourceRef> sources) {
  public StoredAnswer {
    sources = List.copyOf(sources);
  }
}
