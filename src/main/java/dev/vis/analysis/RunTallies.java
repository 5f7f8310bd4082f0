package dev.vis.analysis;

import java.util.List;

/**
 * A run's counts per (prompt, model, brand): all the regression gate needs from a run, small enough
 * to travel in a JSON report that later serves as a baseline. Plain records of strings, numbers and
 * lists; the tally and the JSON report reader build them from lists they never touch again, so they
 * are not copied.
 *
 * @param brands tracked brand names, in spec order; {@code named} lists follow this order
 * @param brandRules fingerprint of the brands' matching rules (terms, exclude phrases, case,
 *     domains): two runs with different fingerprints counted mentions differently
 * @param prompts the run's prompts, in spec order
 * @param models the run's models, in spec order
 * @param cells one per (prompt, model) with at least one answer, prompts then models in spec order
 */
public record RunTallies(
    List<String> brands,
    String brandRules,
    List<TallyPrompt> prompts,
    List<TallyModel> models,
    List<PromptModelTally> cells) {}
