package dev.vis.cli;

import dev.vis.store.RunSummary;
import dev.vis.store.Store;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code vis runs rm RUN…}: deletes the runs named, after listing them. */
@Command(
    name = "rm",
    mixinStandardHelpOptions = true,
    description = {
      "Deletes runs and their data, after listing them (on stderr).",
      "A run that replays point at goes only with them: name them too.",
      "On a terminal it asks first; elsewhere it needs --yes."
    })
final class RunsRemoveCommand extends Subcommand {
  @Mixin DeleteOptions delete;

  @Parameters(arity = "1..*", paramLabel = "RUN", description = "Runs to delete")
  List<String> refs;

  @Override
  public Integer call() {
    try (Store db = delete.open(this)) {
      List<RunSummary> named = new ArrayList<>();
      for (String ref : refs) {
        named.add(db.run(ref));
      }
      DeletionPlan plan = DeletionPlan.remove(db.runs(), named);
      return delete.carryOut(plan, db, context(), err(), "nothing to delete");
    }
  }
}
