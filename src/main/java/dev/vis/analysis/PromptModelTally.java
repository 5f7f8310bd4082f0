package dev.vis.analysis;

import java.util.List;

/**
 * The answers of one (prompt, model) and how many of them name each brand, grounded and parametric
 * together (the gate compares models of the same search mode).
 *
 * @param promptId the prompt
 * @param modelId the model
 * @param answers answers received
 * @param named answers naming each brand, in the order of {@link RunTallies#brands()}
 */
public record PromptModelTally(String promptId, String modelId, long answers, List<Long> named) {
  public PromptModelTally {
    named = List.copyOf(named);
  }
}
