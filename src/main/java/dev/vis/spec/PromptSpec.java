package dev.vis.spec;

import java.util.List;

/**
 * One expanded prompt.
 *
 * @param id unique id (matrix placeholders already substituted)
 * @param text the question asked
 * @param tags free-form tags for breakdowns
 */
public record PromptSpec(String id, String text, List<String> tags) {
  public PromptSpec {
    tags = List.copyOf(tags);
  }
}
