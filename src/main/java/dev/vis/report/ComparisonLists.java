package dev.vis.report;

import dev.vis.analysis.Comparison;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The lists of ids a comparison names, in report order, each with its JSON key and, where the
 * markdown report shows it, its markdown label.
 */
enum ComparisonLists {
  SHARED_PROMPTS("shared_prompts", null, Comparison::sharedPrompts),
  SHARED_MODELS("shared_models", null, Comparison::sharedModels),
  ADDED_PROMPTS("added_prompts", "Prompts only in this run", Comparison::addedPrompts),
  REMOVED_PROMPTS("removed_prompts", "Prompts only in the baseline", Comparison::removedPrompts),
  ADDED_MODELS("added_models", "Models only in this run", Comparison::addedModels),
  REMOVED_MODELS("removed_models", "Models only in the baseline", Comparison::removedModels),
  BRANDED_PROMPTS("branded_prompts", "Left out as branded", Comparison::brandedPrompts),
  UNANSWERED_PROMPTS(
      "unanswered_prompts", "Left out without answers", Comparison::unansweredPrompts),
  UNANSWERED_MODELS(
      "unanswered_models", "Models left out without answers", Comparison::unansweredModels),
  COMPARED_BRANDS("compared_brands", null, Comparison::comparedBrands);

  private final String key;
  private final String markdownLabel;
  private final Function<Comparison, List<String>> ids;

  ComparisonLists(String key, String markdownLabel, Function<Comparison, List<String>> ids) {
    this.key = key;
    this.markdownLabel = markdownLabel;
    this.ids = ids;
  }

  String key() {
    return key;
  }

  /** The bullet's label in the markdown report; empty when it does not list these ids. */
  Optional<String> markdownLabel() {
    return Optional.ofNullable(markdownLabel);
  }

  List<String> of(Comparison c) {
    return ids.apply(c);
  }
}
