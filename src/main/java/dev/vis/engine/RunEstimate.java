package dev.vis.engine;

import dev.vis.spec.PromptSpec;
import dev.vis.spec.RunSpec;
import dev.vis.store.StoredModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run would ask and spend before anything is called ({@code vis run --dry-run}): per model
 * its tasks, tokens, searches and cost, assuming every answer spends its {@code max_tokens}.
 *
 * @param tasks tasks of the whole run
 * @param models one line per model, in spec order
 * @param totalUsd the summed cost of the priced models
 * @param unpriced how many models have no price (their cost is left out of the total)
 */
public record RunEstimate(long tasks, List<Model> models, BigDecimal totalUsd, int unpriced) {
  public RunEstimate {
    models = List.copyOf(models);
  }

  /**
   * One model's share of the run.
   *
   * @param usd the estimated cost; empty when the model has no price
   */
  public record Model(
      String id,
      long tasks,
      long inputTokens,
      long outputTokens,
      long searches,
      Optional<BigDecimal> usd) {}

  /** The estimate of {@code spec} (overrides already applied), at its models' prices. */
  public static RunEstimate of(RunSpec spec) {
    long samples = spec.samples();
    BigDecimal perPrompt = BigDecimal.valueOf(samples);
    List<Model> lines = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    int unpriced = 0;
    for (StoredModel m : RunPreparation.priced(spec)) {
      long input = 0;
      long output = 0;
      long searches = 0;
      Optional<BigDecimal> cost = Optional.of(BigDecimal.ZERO);
      for (PromptSpec p : spec.prompts()) {
        CallEstimate call = CallEstimate.of(p, m);
        input += call.inputTokens() * samples;
        output += call.outputTokens() * samples;
        searches += call.searches() * samples;
        cost = cost.flatMap(sum -> call.usd().map(usd -> sum.add(usd.multiply(perPrompt))));
      }
      if (cost.isPresent()) {
        total = total.add(cost.get());
      } else {
        unpriced++;
      }
      lines.add(
          new Model(m.spec().id(), spec.prompts().size() * samples, input, output, searches, cost));
    }
    return new RunEstimate(
        (long) spec.prompts().size() * spec.models().size() * samples, lines, total, unpriced);
  }

  /** Whether the estimate passes the spec's cost cap: the run would stop at the cap. */
  public boolean overCap(RunSpec spec) {
    return spec.budget().filter(b -> totalUsd.compareTo(b.maxUsd()) > 0).isPresent();
  }
}
