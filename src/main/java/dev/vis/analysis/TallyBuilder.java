package dev.vis.analysis;

import dev.vis.spec.ModelSpec;
import dev.vis.spec.PromptSpec;
import dev.vis.spec.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Counts a run's answers per (prompt, model, brand) into {@link RunTallies}. */
final class TallyBuilder {
  private final RunSpec spec;
  private final Set<String> branded;

  /** counts[prompt][model]: answers, then answers naming each brand; null until one arrives */
  private final long[][][] counts;

  TallyBuilder(RunSpec spec, Set<String> branded) {
    this.spec = spec;
    this.branded = branded;
    counts = new long[spec.prompts().size()][spec.models().size()][];
  }

  void add(GroupCounts group) {
    long[] cell = counts[group.prompt()][group.model()];
    int brands = group.mentions().length;
    if (cell == null) {
      cell = new long[1 + brands];
      counts[group.prompt()][group.model()] = cell;
    }
    cell[0] += group.answers();
    for (int b = 0; b < brands; b++) {
      cell[1 + b] += group.named(b);
    }
  }

  RunTallies build() {
    List<TallyPrompt> prompts = new ArrayList<>();
    for (PromptSpec p : spec.prompts()) {
      prompts.add(new TallyPrompt(p.id(), p.text(), branded.contains(p.id())));
    }
    List<TallyModel> models = new ArrayList<>();
    for (ModelSpec m : spec.models()) {
      models.add(new TallyModel(m.id(), m.provider(), m.model(), m.webSearch()));
    }
    List<PromptModelTally> cells = new ArrayList<>();
    for (int p = 0; p < counts.length; p++) {
      for (int m = 0; m < counts[p].length; m++) {
        long[] cell = counts[p][m];
        if (cell != null) {
          List<Long> named = new ArrayList<>(cell.length - 1);
          for (int b = 1; b < cell.length; b++) {
            named.add(cell[b]);
          }
          cells.add(
              new PromptModelTally(
                  spec.prompts().get(p).id(), spec.models().get(m).id(), cell[0], named));
        }
      }
    }
    return new RunTallies(
        spec.brands().stream().map(b -> b.name()).toList(),
        BrandRules.fingerprint(spec.brands()),
        prompts,
        models,
        cells);
  }
}
