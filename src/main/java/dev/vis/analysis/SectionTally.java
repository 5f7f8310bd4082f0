package dev.vis.analysis;

import dev.vis.spec.PromptSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;

/** The running counts of one {@link Breakdown}: every row of one set of prompts. */
final class SectionTally {
  private static final int TOP_DOMAINS = 20;
  private static final Grounding[] SPLIT = {Grounding.PARAMETRIC, Grounding.GROUNDED};

  private final int brands;
  private final List<PromptSpec> prompts;
  private final List<String> modelIds;
  private final List<Integer> promptsIn;
  private final List<String> tags;
  private final int[][] tagsOfPrompt;
  private final RowTally[] overall = new RowTally[2];
  private final RowTally[][] byModel;
  private final RowTally[][] byPrompt;
  private final RowTally[][] byTag;
  private final DomainTally[] domains = new DomainTally[2];

  /**
   * @param promptsIn indexes (into {@code prompts}) of the prompts this section holds, ascending
   */
  SectionTally(
      int brands, List<PromptSpec> prompts, List<String> modelIds, List<Integer> promptsIn) {
    this.brands = brands;
    this.prompts = prompts;
    this.modelIds = modelIds;
    this.promptsIn = List.copyOf(promptsIn);
    TreeSet<String> tagSet = new TreeSet<>();
    promptsIn.forEach(p -> tagSet.addAll(prompts.get(p).tags()));
    this.tags = List.copyOf(tagSet);
    Map<String, Integer> tagIndex = new HashMap<>();
    for (int t = 0; t < tags.size(); t++) {
      tagIndex.put(tags.get(t), t);
    }
    tagsOfPrompt = new int[prompts.size()][];
    for (int p = 0; p < prompts.size(); p++) {
      tagsOfPrompt[p] =
          prompts.get(p).tags().stream()
              .distinct()
              .filter(tagIndex::containsKey)
              .mapToInt(tagIndex::get)
              .toArray();
    }
    byModel = new RowTally[modelIds.size()][2];
    byPrompt = new RowTally[prompts.size()][2];
    byTag = new RowTally[tags.size()][2];
  }

  void add(GroupCounts group) {
    int g = group.grounded() ? 1 : 0;
    int prompt = group.prompt();
    row(overall, g).add(group);
    row(byModel[group.model()], g).add(group);
    row(byPrompt[prompt], g).add(group);
    for (int t : tagsOfPrompt[prompt]) {
      row(byTag[t], g).add(group);
    }
    // a grounding with answers ranks its domains, even when none of them cites one
    if (domains[g] == null) {
      domains[g] = new DomainTally();
    }
  }

  /** Adds a prompt's cited domains; its answers of that grounding are added already. */
  void add(DomainCounts counts) {
    domains[counts.grounded() ? 1 : 0].add(counts);
  }

  private RowTally row(RowTally[] rows, int g) {
    if (rows[g] == null) {
      rows[g] = new RowTally(brands);
    }
    return rows[g];
  }

  Breakdown toBreakdown(List<String> brandNames, IntFunction<PromptResamples> resamples) {
    Rows rows = new Rows(brandNames, resamples);
    List<Cell> overallCells = rows.of(overall, "overall", "", true);
    List<Cell> modelCells = new ArrayList<>();
    for (int m = 0; m < modelIds.size(); m++) {
      modelCells.addAll(rows.of(byModel[m], "model", modelIds.get(m), true));
    }
    List<Cell> promptCells = new ArrayList<>();
    for (int p : promptsIn) {
      promptCells.addAll(rows.of(byPrompt[p], "prompt", prompts.get(p).id(), false));
    }
    List<Cell> tagCells = new ArrayList<>();
    for (int t = 0; t < tags.size(); t++) {
      tagCells.addAll(rows.of(byTag[t], "tag", tags.get(t), true));
    }
    List<DomainRanking> rankings = new ArrayList<>();
    for (int g = 0; g < 2; g++) {
      if (domains[g] != null) {
        rankings.add(new DomainRanking(SPLIT[g], domains[g].top(TOP_DOMAINS)));
      }
    }
    return new Breakdown(overallCells, modelCells, promptCells, tagCells, rankings);
  }

  /** Turns a slice's rows into cells, one per grounding present (see {@link Breakdown}). */
  private final class Rows {
    private final List<String> brandNames;
    private final IntFunction<PromptResamples> resamples;

    Rows(List<String> brandNames, IntFunction<PromptResamples> resamples) {
      this.brandNames = brandNames;
      this.resamples = resamples;
    }

    List<Cell> of(RowTally[] slice, String scope, String value, boolean overPrompts) {
      boolean any = slice[0] != null || slice[1] != null;
      boolean anyInSection = overall[0] != null || overall[1] != null;
      List<Cell> cells = new ArrayList<>(2);
      for (int g = 0; g < 2; g++) {
        boolean present = any ? slice[g] != null : anyInSection ? overall[g] != null : g == 0;
        if (present) {
          RowTally tally = slice[g] == null ? new RowTally(brands) : slice[g];
          cells.add(tally.toCell(scope, value, SPLIT[g], overPrompts, brandNames, resamples));
        }
      }
      return cells;
    }
  }
}
