package dev.vis.engine;

import dev.vis.spec.ModelSpec;
import dev.vis.spec.PromptSpec;
import dev.vis.spec.RunSpec;
import dev.vis.store.NewTask;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Expands a spec into tasks, sample by sample, each sample's (prompt, model) pairs in a seeded
 * shuffle: a run stopped early still covers every prompt and model evenly.
 */
final class TaskPlanner {
  private TaskPlanner() {}

  static List<NewTask> plan(RunSpec spec, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<NewTask> tasks = new ArrayList<>();
    int seq = 0;
    for (int sample = 1; sample <= spec.samples(); sample++) {
      List<String[]> pairs = new ArrayList<>();
      for (PromptSpec prompt : spec.prompts()) {
        for (ModelSpec model : spec.models()) {
          pairs.add(new String[] {prompt.id(), model.id()});
        }
      }
      for (int i = pairs.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        String[] swap = pairs.get(i);
        pairs.set(i, pairs.get(j));
        pairs.set(j, swap);
      }
      for (String[] pair : pairs) {
        tasks.add(new NewTask(seq++, pair[0], pair[1], sample));
      }
    }
    return tasks;
  }
}
