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
 */
public record StoredRun(RunSummary summary, RunSpec spec, String specText, List<StoredModel> models) {
  public StoredRun {
    models = List.copyOf(models);
  }
}
