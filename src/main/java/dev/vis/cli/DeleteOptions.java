package dev.vis.cli;

import dev.vis.VisException;
import dev.vis.store.RunSummary;
import dev.vis.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --dry-run} and {@code --yes} options of the commands that delete runs, and the steps
 * they share: list what goes, stop on a dry run, make sure, delete.
 */
final class DeleteOptions {
  @Option(names = "--dry-run", description = "List what would be deleted; delete nothing")
  boolean dryRun;

  @Option(
      names = {"-y", "--yes"},
      description = "Delete without asking (needed when not on a terminal)")
  boolean yes;

  /** A dry run only reads, so it opens the database as a reading command does. */
  Store open(Subcommand command) {
    return dryRun ? command.readStore() : command.openStore();
  }

  /**
   * Lists the plan on stderr, then deletes it unless this is a dry run or the user says no.
   *
   * @param none what to say when nothing matched
   * @return the exit code
   */
  int carryOut(DeletionPlan plan, Store db, CliContext context, PrintWriter err, String none) {
    for (Map.Entry<RunSummary, RunSummary> kept : plan.kept().entrySet()) {
      err.println(
          "keeping %s (%s): replay %s points at it and is not old enough to go"
              .formatted(kept.getKey().id(), kept.getKey().name(), kept.getValue().id()));
    }
    if (plan.doomed().isEmpty()) {
      err.println(plan.kept().isEmpty() ? none : "nothing to delete");
      err.flush();
      return 0;
    }
    int n = plan.doomed().size();
    String runs = n == 1 ? "1 run" : n + " runs";
    err.println(
        (dryRun ? "would delete " : "will delete ")
            + runs
            + " with everything only they use (answers, attempts, mentions, citations):");
    RunsCommand.table(plan.doomed(), err);
    if (dryRun) {
      err.println("dry run: nothing deleted");
      err.flush();
      return 0;
    }
    if (!yes && !confirmed(context, err, n == 1 ? "this run" : "these " + runs)) {
      err.println("nothing deleted");
      err.flush();
      return 0;
    }
    int deleted = db.delete(plan.ids());
    err.println("deleted " + (deleted == 1 ? "1 run" : deleted + " runs"));
    err.flush();
    return 0;
  }

  /** Asks on a terminal; anywhere else nobody can answer, so {@code --yes} must say it. */
  private static boolean confirmed(CliContext context, PrintWriter err, String these) {
    if (!context.terminal()) {
      throw VisException.usage(
          "not on a terminal, so nobody can confirm: nothing deleted; add --yes to delete "
              + these
              + " (or --dry-run to only list what would go)");
    }
    err.print("delete " + these + "? [y/N] ");
    err.flush();
    try {
      String answer = context.input().readLine();
      if (answer == null) {
        err.println(); // end of input: the prompt's line still needs its end
      }
      return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
    } catch (IOException e) {
      return false;
    }
  }
}
