package dev.vis.analysis;

import dev.vis.spec.BrandSpec;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.PromptSpec;
import dev.vis.spec.RunSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Computes the visibility metrics of a run's scored answers: per brand, overall and per model,
 * prompt and tag, each rate with its counts and a 95% interval (SPEC §6).
 *
 * <p>Answers whose prompt or model is not in the run are left out of every cell, so the overall
 * cell is the sum of the per-model cells. Stateless and thread-safe.
 */
public final class MetricsCalculator {
  private MetricsCalculator() {}

  /**
   * The metrics of a run: headline figures over the non-branded prompts (all prompts with {@code
   * includeBranded}), the branded prompts apart, grounded and parametric answers in separate rows,
   * Wilson intervals for one-prompt cells and a prompt bootstrap for the others, and the tallies a
   * later gate compares with.
   *
   * @param spec the run's spec: brands, prompts and models in spec order
   * @param answers the received answers with their analysis
   */
  public static RunMetrics compute(
      RunSpec spec, List<ScoredAnswer> answers, MetricsOptions options) {
    return compute(spec, answers::forEach, options);
  }

  /**
   * The metrics of a run whose answers stream by: each is folded into per-prompt counts as it
   * passes and none is kept, so a run of any size takes the memory of its counts.
   *
   * @param answers streams the received answers to the consumer it is given, once
   */
  public static RunMetrics compute(
      RunSpec spec, Consumer<Consumer<ScoredAnswer>> answers, MetricsOptions options) {
    return compute(spec, RunCounts.of(spec, answers), options);
  }

  /**
   * The metrics of a run from its answers' counts: the same figures, to the last bit, as from the
   * answers the counts were folded from.
   *
   * @param counts the run's answers folded under this spec
   */
  public static RunMetrics compute(RunSpec spec, RunCounts counts, MetricsOptions options) {
    List<String> brandNames = spec.brands().stream().map(BrandSpec::name).toList();
    List<PromptSpec> prompts = spec.prompts();
    List<String> modelIds = spec.models().stream().map(ModelSpec::id).toList();
    Map<String, Integer> promptIndex =
        CountsFold.indexOf(prompts.stream().map(PromptSpec::id).toList());
    List<BrandedPrompt> brandedPrompts = BrandedPrompts.find(spec.brands(), prompts);
    Set<String> brandedIds = new HashSet<>();
    brandedPrompts.forEach(b -> brandedIds.add(b.promptId()));
    boolean[] branded = new boolean[prompts.size()];
    boolean[] headlined = new boolean[prompts.size()];
    List<Integer> headlineIn = new ArrayList<>();
    List<Integer> brandedIn = new ArrayList<>();
    for (int p = 0; p < prompts.size(); p++) {
      branded[p] =
          brandedIds.contains(prompts.get(p).id()) && promptIndex.get(prompts.get(p).id()) == p;
      headlined[p] = !branded[p] || options.includeBranded();
      if (branded[p]) {
        brandedIn.add(p);
      }
      if (headlined[p]) {
        headlineIn.add(p);
      }
    }
    SectionTally headline = new SectionTally(brandNames.size(), prompts, modelIds, headlineIn);
    SectionTally brandedSection = new SectionTally(brandNames.size(), prompts, modelIds, brandedIn);
    TallyBuilder tallies = new TallyBuilder(spec, brandedIds);
    for (GroupCounts group : counts.groups()) {
      if (headlined[group.prompt()]) {
        headline.add(group);
      }
      if (branded[group.prompt()]) {
        brandedSection.add(group);
      }
      tallies.add(group);
    }
    for (DomainCounts domain : counts.domains()) {
      if (headlined[domain.prompt()]) {
        headline.add(domain);
      }
      if (branded[domain.prompt()]) {
        brandedSection.add(domain);
      }
    }
    Map<Integer, PromptResamples> cache = new HashMap<>();
    IntFunction<PromptResamples> resamples =
        m ->
            cache.computeIfAbsent(
                m, k -> PromptResamples.of(k, options.resamples(), options.seed()));
    return new RunMetrics(
        headline.toBreakdown(brandNames, resamples),
        brandedIn.isEmpty()
            ? Optional.empty()
            : Optional.of(brandedSection.toBreakdown(brandNames, resamples)),
        brandedPrompts,
        options.includeBranded(),
        tallies.build());
  }
}
