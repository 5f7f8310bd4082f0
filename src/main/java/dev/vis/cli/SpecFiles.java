package dev.vis.cli;

import dev.vis.provider.PriceTable;
import dev.vis.spec.LoadedSpec;
import dev.vis.spec.SpecLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/** Loads spec files for commands, with the built-in price table behind the budget check. */
final class SpecFiles {
  private SpecFiles() {}

  static LoadedSpec load(Path file, Map<String, String> env) {
    return load(file, env, OptionalInt.empty());
  }

  /**
   * @param maxTasks {@code --max-tasks}, in place of the spec's {@code max_tasks}
   */
  static LoadedSpec load(Path file, Map<String, String> env, OptionalInt maxTasks) {
    PriceTable prices = PriceTable.builtIn();
    return SpecLoader.load(
        file, env, model -> prices.find(model.id(), model.model()).isPresent(), maxTasks);
  }
}
