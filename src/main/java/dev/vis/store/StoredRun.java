package dev.vis.store;

import dev.vis.spec.RunSpec;
import java.util.List;

/**
 * A run with the resolved spec it used, as {@code --resume}, {@code replay} and reports read it.
 *
 * @param summary run facts
 * @param spec the resolved spec as stored (not today's file or environment)
 * @param specText the spec as written
 * @param models models with their endpoints and prices
 * @param specSamples the samples the spec file asked for (the run may have overridden them)
 */
public record StoredRun(
    RunSummary summary, RunSpec spec, String specText, List<StoredModel> models, int specSamples) {
  public StoredRun {
    models = List.copyOf(models);
  }
}
