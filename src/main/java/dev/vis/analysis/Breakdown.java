package dev.vis.analysis;

import java.util.List;

/**
 * The cells of one set of prompts (the headline, non-branded prompts, or the branded ones).
 *
 * <p>Each slice gives one row per grounding that occurs in it (grounded and parametric answers are
 * never pooled); a slice without answers gives one row per grounding that occurs in the whole set,
 * or a parametric row when the set has no answers.
 *
 * <p>Only the tally builds one, from lists it never touches again, so they are not copied.
 *
 * @param overall the whole set: one row per grounding
 * @param byModel per model in spec order, then grounding
 * @param byPrompt per prompt of the set in spec order, then grounding
 * @param byTag per tag of the set's prompts, sorted, then grounding
 * @param topDomains the 20 most cited domains, per grounding that occurs
 */
public record Breakdown(
    List<Cell> overall,
    List<Cell> byModel,
    List<Cell> byPrompt,
    List<Cell> byTag,
    List<DomainRanking> topDomains) {}
