package dev.vis.cli;

import dev.vis.store.Store;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand of vis: the world it runs in (held by the {@code vis} command at the root of its
 * tree), its picocli model (for the streams it writes to), and the {@code --db} and {@code
 * --verbose} options every one of them takes.
 */
abstract class Subcommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  /** Environment, clock, sleeper and the rest, as {@link Main} was given them. */
  CliContext context() {
    return ((VisCommand) spec.root().userObject()).context();
  }

  /** Where the product goes: stdout, or what a test put in its place. */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Where progress, summaries and warnings go. */
  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** The database, for a command that only reads: never created, migrated or altered. */
  Store readStore() {
    return store.read(context().env(), context().clock());
  }

  /** The database, for a command that writes to one that must already exist. */
  Store openStore() {
    return store.open(context().env(), false, context().clock());
  }
}
