package dev.vis.analysis;

import java.util.List;

/**
 * The regression gate's comparison of a run with a baseline (SPEC §6). Only the gate builds one,
 * from lists it never touches again, so they are not copied.
 *
 * @param metric the rate compared
 * @param thresholdPoints the drop in percentage points that must be exceeded
 * @param alpha the family-wise alpha
 * @param perBrandAlpha alpha / k, the level each brand is tested at
 * @param brands one entry per gated brand, in the order asked
 * @param sharedPrompts ids of the non-branded prompts both runs share and answered, current order
 * @param sharedModels ids of the models both runs share and answered shared prompts with, current
 *     order
 * @param addedPrompts prompts only the current run has (by id and text)
 * @param removedPrompts prompts only the baseline has (by id and text)
 * @param addedModels models only the current run has (by id, provider, model name, search mode)
 * @param removedModels models only the baseline has
 * @param brandedPrompts shared prompts left out because they are branded in either run
 * @param unansweredPrompts shared prompts left out because a run has no answer to them
 * @param unansweredModels shared models left out because a run has no answer from them to a shared
 *     prompt (all its calls failed, say): no data, not a rate of 0
 * @param comparedBrands brands whose counts enter share of voice (tracked in both runs); for the
 *     mention rate, every brand tracked in both runs
 * @param brandRulesDiffer the runs matched brands under different rules: deltas may be artefacts
 */
public record Comparison(
    RateMetric metric,
    double thresholdPoints,
    double alpha,
    double perBrandAlpha,
    List<BrandDelta> brands,
    List<String> sharedPrompts,
    List<String> sharedModels,
    List<String> addedPrompts,
    List<String> removedPrompts,
    List<String> addedModels,
    List<String> removedModels,
    List<String> brandedPrompts,
    List<String> unansweredPrompts,
    List<String> unansweredModels,
    List<String> comparedBrands,
    boolean brandRulesDiffer) {
  /** Whether a gated brand dropped: the gate fails (exit 3). */
  public boolean failed() {
    return brands.stream().anyMatch(b -> b.verdict() == Verdict.DROP);
  }
}
