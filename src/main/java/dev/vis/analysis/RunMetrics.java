package dev.vis.analysis;

import java.util.List;
import java.util.Optional;

/**
 * Everything a report shows of a run's visibility (SPEC §6).
 *
 * @param headline the non-branded prompts, or every prompt when {@code includeBranded}
 * @param branded the branded prompts alone, when there are any (also when they are pooled)
 * @param brandedPrompts which prompts are branded and which brands their text names, spec order
 * @param includeBranded whether the headline pools branded prompts
 * @param tallies the per-(prompt, model) counts a later run's gate compares against
 */
public record RunMetrics(
    Breakdown headline,
    Optional<Breakdown> branded,
    List<BrandedPrompt> brandedPrompts,
    boolean includeBranded,
    RunTallies tallies) {
  public RunMetrics {
    brandedPrompts = List.copyOf(brandedPrompts);
  }
}
