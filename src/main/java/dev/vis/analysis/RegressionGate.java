package dev.vis.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    List<String> sharedModels =
        current.models().stream().filter(baseModels::contains).map(TallyModel::id).toList();
    List<String> addedModels =
        current.models().stream().filter(m -> !baseModels.contains(m)).map(TallyModel::id).toList();
    List<String> removedModels =
        baseline.models().stream()
            .filter(m -> !currentModels.contains(m))
            .map(TallyModel::id)
            .toList();

    List<String> compared =
        current.brands().stream().filter(baseline.brands()::contains).distinct().toList();
    PromptCounts base = PromptCounts.of(baseline, Set.copyOf(sharedModels), compared);
    PromptCounts now = PromptCounts.of(current, Set.copyOf(sharedModels), compared);
    List<String> shared = new ArrayList<>();
    List<String> branded = new ArrayList<>();
    List<String> unanswered = new ArrayList<>();
    for (TallyPrompt p : sharedCandidates) {
      if (p.branded()) {
        branded.add(p.id());
      } else if (base.answers(p.id()) == 0 || now.answers(p.id()) == 0) {
        unanswered.add(p.id());
      } else {
        shared.add(p.id());
      }
    }

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
        Proportion none = new Proportion(0, 0, 0, 0, 0);
        deltas.add(new BrandDelta(brand, Verdict.NO_DATA, none, none, 0, 0, 0, 1));
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
        compared,
        !baseline.brandRules().equals(current.brandRules()));
  }
}
