package dev.vis.engine;

import dev.vis.spec.LoadedSpec;
import dev.vis.spec.RunSpec;
import dev.vis.store.StoredModel;
import java.util.List;

/**
 * A spec checked and resolved for a new run.
 *
 * @param loaded the spec file
 * @param spec the spec with the command line's overrides
 * @param models its models with endpoints and prices
 */
public record PreparedRun(LoadedSpec loaded, RunSpec spec, List<StoredModel> models) {
  public PreparedRun {
    models = List.copyOf(models);
  }
}
