package dev.vis.analysis;

import dev.vis.spec.RunSpec;
import java.util.List;
import java.util.function.Consumer;

/**
 * A run's answers folded into counts: per (prompt, model, grounding) and, for the cited domains,
 * per (prompt, grounding). {@link MetricsCalculator} computes every figure of a report from these
 * alone, so a run whose counts are stored reports without reading its answers again.
 *
 * @param answers the answers folded, those of prompts or models the spec lacks included (they enter
 *     no count)
 * @param groups one per (prompt, model, grounding) with answers, in that order
 * @param domains one per (prompt, grounding, cited domain), prompts then groundings in order,
 *     domains in the order first cited
 */
public record RunCounts(long answers, List<GroupCounts> groups, List<DomainCounts> domains) {
  public RunCounts {
    groups = List.copyOf(groups);
    domains = List.copyOf(domains);
  }

  /**
   * Folds a run's answers as they stream by, keeping none.
   *
   * @param answers streams the received answers to the consumer it is given, once
   */
  public static RunCounts of(RunSpec spec, Consumer<Consumer<ScoredAnswer>> answers) {
    CountsFold fold = new CountsFold(spec);
    answers.accept(fold::add);
    return fold.counts();
  }

  /**
   * Whether these counts can be of a run under {@code spec}: every prompt and model index in range
   * and one count per brand. Counts read back from storage are checked with this first.
   */
  public boolean fits(RunSpec spec) {
    int brands = spec.brands().size();
    int prompts = spec.prompts().size();
    for (GroupCounts g : groups) {
      if (g.prompt() < 0
          || g.prompt() >= prompts
          || g.model() < 0
          || g.model() >= spec.models().size()
          || g.counted().length != GroupCounts.COUNTED
          || g.mentions().length != brands
          || g.positions().length != brands) {
        return false;
      }
      for (long[] counted : g.counted()) {
        if (counted.length != brands) {
          return false;
        }
      }
    }
    return domains.stream().allMatch(d -> d.prompt() >= 0 && d.prompt() < prompts);
  }
}
