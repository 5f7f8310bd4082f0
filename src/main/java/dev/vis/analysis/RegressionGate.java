package dev.vis.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The regression gate's statistics (SPEC §6): compares gated brands between a baseline and the
 * current run on the non-branded (prompt, model) cells both share, with a bootstrap paired by
 * prompt. Pure functions over tallies; stateless and thread-safe.
 */
public final class RegressionGate {
  /** Guards "drop exceeds the threshold" against binary rounding (5.000000001 points). */
  private static final double EPSILON_POINTS = 1e-9;

  private RegressionGate() {}

  /** Compares each gated brand of {@code options} between the two runs. */
  public static Comparison compare(RunTallies baseline, RunTallies current, GateOptions options) {
    Map<String, TallyPrompt> basePrompts = new HashMap<>();
    baseline.prompts().forEach(p -> basePrompts.putIfAbsent(p.id(), p));
    Set<String> matched = new HashSet<>();
    List<TallyPrompt> sharedCandidates = new ArrayList<>();
    List<String> added = new ArrayList<>();
    for (TallyPrompt p : current.prompts()) {
      TallyPrompt b = basePrompts.get(p.id());
      if (b != null && b.text().equals(p.text()) && matched.add(p.id())) {
        sharedCandidates.add(new TallyPrompt(p.id(), p.text(), p.branded() || b.branded()));
      } else {
        added.add(p.id());
      }
    }
    List<String> removed =
        baseline.prompts().stream()
            .map(TallyPrompt::id)
            .filter(id -> !matched.contains(id))
            .toList();

    Set<TallyModel> baseModels = new HashSet<>(baseline.models());
    Set<TallyModel> currentModels = new HashSet<>(current.models());
    List<String> matchedModels =
        current.models().stream().filter(baseModels::contains).map(TallyModel::id).toList();
    List<String> addedModels =
        current.models().stream().filter(m -> !baseModels.contains(m)).map(TallyModel::id).toList();
    List<String> removedModels =
        baseline.models().stream()
            .filter(m -> !currentModels.contains(m))
            .map(TallyModel::id)
            .toList();

    List<String> branded = new ArrayList<>();
    Set<String> candidates = new HashSet<>();
    for (TallyPrompt p : sharedCandidates) {
      if (p.branded()) {
        branded.add(p.id());
      } else {
        candidates.add(p.id());
      }
    }
    // a (prompt, model) cell without answers in either run is no data, never a rate of 0: only
    // cells both runs answered are compared
    Set<String> models = Set.copyOf(matchedModels);
    Set<PromptCounts.CellKey> cells = answered(baseline, candidates, models);
    cells.retainAll(answered(current, candidates, models));
    Set<String> answeredPrompts = new HashSet<>();
    Set<String> answeredModels = new HashSet<>();
    cells.forEach(
        key -> {
          answeredPrompts.add(key.promptId());
          answeredModels.add(key.modelId());
        });
    List<String> shared = new ArrayList<>();
    List<String> unanswered = new ArrayList<>();
    for (TallyPrompt p : sharedCandidates) {
      if (p.branded()) {
        continue;
      }
      if (answeredPrompts.contains(p.id())) {
        shared.add(p.id());
      } else {
        unanswered.add(p.id());
      }
    }
    List<String> sharedModels = matchedModels.stream().filter(answeredModels::contains).toList();
    List<String> unansweredModels =
        matchedModels.stream().filter(m -> !answeredModels.contains(m)).toList();
    List<String> compared =
        current.brands().stream().filter(baseline.brands()::contains).distinct().toList();
    PromptCounts base = PromptCounts.of(baseline, cells, compared);
    PromptCounts now = PromptCounts.of(current, cells, compared);

    int k = Math.max(1, options.brands().size());
    double perBrandAlpha = options.alpha() / k;
    PromptResamples resamples =
        shared.isEmpty()
            ? null
            : PromptResamples.of(shared.size(), options.resamples(), options.seed());
    List<BrandDelta> deltas = new ArrayList<>();
    for (String brand : options.brands()) {
      int b = compared.indexOf(brand);
      if (b < 0 || resamples == null) {
        deltas.add(
            new BrandDelta(
                brand,
                Verdict.NO_DATA,
                Proportion.none(),
                Proportion.none(),
                0,
                0,
                0,
                1,
                OptionalDouble.empty()));
        continue;
      }
      deltas.add(
          PairedBootstrap.delta(
              brand,
              base.series(shared, b, options.metric()),
              now.series(shared, b, options.metric()),
              resamples,
              options.thresholdPoints() + EPSILON_POINTS,
              perBrandAlpha));
    }
    return new Comparison(
        options.metric(),
        options.thresholdPoints(),
        options.alpha(),
        perBrandAlpha,
        deltas,
        shared,
        sharedModels,
        added,
        removed,
        addedModels,
        removedModels,
        branded,
        unanswered,
        unansweredModels,
        compared,
        !baseline.brandRules().equals(current.brandRules()));
  }

  /** The (prompt, model) cells of {@code run} with answers, among the given prompts and models. */
  private static Set<PromptCounts.CellKey> answered(
      RunTallies run, Set<String> prompts, Set<String> models) {
    Set<PromptCounts.CellKey> cells = new HashSet<>();
    for (PromptModelTally cell : run.cells()) {
      if (cell.answers() > 0
          && prompts.contains(cell.promptId())
          && models.contains(cell.modelId())) {
        cells.add(new PromptCounts.CellKey(cell.promptId(), cell.modelId()));
      }
    }
    return cells;
  }
}
