package dev.vis.engine;

import dev.vis.VisException;
import dev.vis.spec.RunSpec;
import java.util.ArrayList;
import java.util.List;

/** Refuses to resume a run under a spec file that now asks something else. */
final class SpecDrift {
  private SpecDrift() {}

  private static String identity(dev.vis.spec.ModelSpec m) {
    return m.id() + "/" + m.provider() + "/" + m.model() + "/" + m.webSearch();
  }

  static void check(dev.vis.store.StoredRun run, RunSpec today) {
    RunSpec stored = run.spec();
    String runId = run.summary().id();
    List<String> changed = new ArrayList<>();
    if (!stored.prompts().equals(today.prompts())) {
      changed.add("prompts");
    }
    List<String> ids = stored.models().stream().map(m -> m.id()).toList();
    List<String> storedModels = stored.models().stream().map(SpecDrift::identity).toList();
    List<String> todayModels =
        today.models().stream().filter(m -> ids.contains(m.id())).map(SpecDrift::identity).toList();
    if (!storedModels.equals(todayModels)) {
      changed.add("models");
    }
    // a run started with --samples N keeps N; only the spec file's own value must not change
    if (run.specSamples() != today.samples()) {
      changed.add("samples (run's spec: " + run.specSamples() + ", now: " + today.samples() + ")");
    }
    if (!stored.brands().equals(today.brands())) {
      changed.add("brand rules");
    }
    if (!changed.isEmpty()) {
      throw VisException.usage(
          "cannot resume run "
              + runId
              + ": the spec file now defines other "
              + String.join(", ", changed)
              + " than the run used. Start a new run with `vis run SPEC`"
              + (changed.contains("brand rules")
                  ? ", or re-score the stored answers under the new brand rules for free with"
                      + " `vis replay "
                      + runId
                      + " --spec SPEC`"
                  : ""));
    }
  }
}
