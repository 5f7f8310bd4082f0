package dev.vis.analysis;

import java.util.List;

/**
 * A prompt whose own text names tracked brands, and so inflates their figures.
 *
 * @param promptId the prompt
 * @param brands the brands its text names, in order of first mention
 */
public record BrandedPrompt(String promptId, List<String> brands) {
  public BrandedPrompt {
    brands = List.copyOf(brands);
  }
}
