package dev.vis.analysis;

import dev.vis.spec.BrandSpec;
import dev.vis.spec.PromptSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes the visibility metrics of a run's scored answers: per brand, overall and per model,
 * prompt and tag, each rate with its counts and a 95% Wilson interval (SPEC §6).
 *
 * <p>Answers whose prompt or model is not in the given lists are left out of every cell, so the
 * overall cell is the sum of the per-model cells. Stateless and thread-safe.
 */
public final class MetricsCalculator {
  private static final int TOP_DOMAINS = 20;

  private MetricsCalculator() {}

  /**
   * The metrics of the answers.
   *
   * @param brands tracked brands, in spec order
   * @param prompts the run's prompts, in spec order; one cell each, even without answers
   * @param modelIds the run's models, in spec order; one cell each, even without answers
   * @param answers the received answers with their analysis
   */
  public static VisibilityMetrics compute(
      List<BrandSpec> brands,
      List<PromptSpec> prompts,
      List<String> modelIds,
      List<ScoredAnswer> answers) {
    List<String> brandNames = brands.stream().map(BrandSpec::name).toList();
    Map<String, Integer> brandIndex = indexOf(brandNames);
    Map<String, Integer> promptIndex = indexOf(prompts.stream().map(PromptSpec::id).toList());
    Map<String, Integer> modelIndex = indexOf(modelIds);
    Set<String> tagSet = new TreeSet<>();
    prompts.forEach(prompt -> tagSet.addAll(prompt.tags()));
    List<String> tags = List.copyOf(tagSet);
    Map<String, Integer> tagIndex = indexOf(tags);

    CellTally overall = new CellTally(brands.size());
    List<CellTally> byModel = tallies(modelIds.size(), brands.size());
    List<CellTally> byPrompt = tallies(prompts.size(), brands.size());
    List<CellTally> byTag = tallies(tags.size(), brands.size());
    DomainTally domains = new DomainTally();
    for (ScoredAnswer answer : answers) {
      Integer prompt = promptIndex.get(answer.promptId());
      Integer model = modelIndex.get(answer.modelId());
      if (prompt == null || model == null) {
        continue;
      }
      AnswerFacts facts = AnswerFacts.of(answer, brandIndex);
      overall.add(prompt, facts);
      byModel.get(model).add(prompt, facts);
      byPrompt.get(prompt).add(prompt, facts);
      for (String tag : new LinkedHashSet<>(answer.tags())) {
        Integer t = tagIndex.get(tag);
        if (t != null) {
          byTag.get(t).add(prompt, facts);
        }
      }
      domains.add(answer);
    }

    List<Cell> modelCells = new ArrayList<>();
    for (int m = 0; m < modelIds.size(); m++) {
      modelCells.add(byModel.get(m).toCell("model", modelIds.get(m), true, brandNames));
    }
    List<Cell> promptCells = new ArrayList<>();
    for (int p = 0; p < prompts.size(); p++) {
      promptCells.add(byPrompt.get(p).toCell("prompt", prompts.get(p).id(), false, brandNames));
    }
    List<Cell> tagCells = new ArrayList<>();
    for (int t = 0; t < tags.size(); t++) {
      tagCells.add(byTag.get(t).toCell("tag", tags.get(t), true, brandNames));
    }
    return new VisibilityMetrics(
        overall.toCell("overall", "", true, brandNames),
        modelCells,
        promptCells,
        tagCells,
        domains.top(TOP_DOMAINS));
  }

  private static Map<String, Integer> indexOf(List<String> keys) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      index.putIfAbsent(keys.get(i), i);
    }
    return index;
  }

  private static List<CellTally> tallies(int count, int brands) {
    List<CellTally> tallies = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      tallies.add(new CellTally(brands));
    }
    return tallies;
  }
}
