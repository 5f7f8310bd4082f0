package dev.vis.analysis;

import java.util.List;

/**
 * The metrics of one run.
 *
 * @param overall every answer
 * @param byModel one cell per model, in spec order
 * @param byPrompt one cell per prompt, in spec order
 * @param byTag one cell per tag, sorted
 * @param topDomains most cited domains, most first (ties by name)
 */
public record VisibilityMetrics(
    Cell overall,
    List<Cell> byModel,
    List<Cell> byPrompt,
    List<Cell> byTag,
    List<DomainCount> topDomains) {
  public VisibilityMetrics {
    byModel = List.copyOf(byModel);
    byPrompt = List.copyOf(byPrompt);
    byTag = List.copyOf(byTag);
    topDomains = List.copyOf(topDomains);
  }
}
