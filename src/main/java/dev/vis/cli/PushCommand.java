package dev.vis.cli;

import dev.vis.VisException;
import dev.vis.store.Access;
import dev.vis.store.RunCopy;
import dev.vis.store.RunSummary;
import dev.vis.store.Store;
import dev.vis.store.Stores;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vis push RUN --to URL}: copies a finished local run up to a team's database. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Copies a finished run from --db to another database: a team's PostgreSQL (or another"
          + " SQLite file).",
      "Everything its reports and exports read goes along: spec, tasks, attempts, answers and"
          + " their analysis; a replay takes its source run along. Pushing a run that is there"
          + " already changes nothing. Prints the run id on stdout."
    })
final class PushCommand extends Subcommand {
  @Parameters(
      index = "0",
      paramLabel = "RUN",
      description = "Run id, id prefix, 'latest', spec name or NAME~N")
  String run;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "URL|PATH",
      description =
          "The database to copy it to: postgresql://USER@HOST:PORT/DB (password from PGPASSWORD"
              + " or ~/.pgpass), jdbc:postgresql://…, or an SQLite file")
  String to;

  @Override
  public Integer call() {
    try (Store from = readStore()) {
      RunSummary summary = from.run(run);
      try (Store target = target()) {
        long t0 = System.nanoTime();
        List<RunCopy.Copied> copied = new RunCopy(from, target, context().env()).copy(summary);
        double seconds = (System.nanoTime() - t0) / 1e9;
        var err = err();
        for (RunCopy.Copied c : copied) {
          RunSummary r = c.run();
          if (c.already()) {
            err.printf(
                Locale.ROOT,
                "run %s is in %s already: nothing to push%n",
                r.id(),
                target.location());
          } else {
            err.printf(
                Locale.ROOT,
                "pushed run %s (%s) to %s: %d tasks, %d answered, in %.1f s%n",
                r.id(),
                r.name(),
                target.location(),
                r.tasks(),
                r.ok(),
                seconds);
          }
        }
        err.flush();
      }
      out().println(summary.id());
      out().flush();
    }
    return 0;
  }

  /** The target store, created or brought up to date, with messages that name {@code --to}. */
  private Store target() {
    try {
      return Stores.open(to, Access.CREATE, context().clock(), context().env());
    } catch (VisException e) {
      String message = e.getMessage();
      if (message.startsWith("--db ")) {
        throw new VisException(e.exitCode(), "--to " + message.substring(5), e);
      }
      throw e;
    }
  }
}
