package dev.vis.cli;

import java.util.List;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command: {@code vis}, with its subcommands. */
@Command(
    name = "vis",
    mixinStandardHelpOptions = true,
    versionProvider = VisCommand.VersionProvider.class,
    description = "Measures how visible brands are in the answers of large language models.",
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0    success",
      "  1    the run failed (too many failed tasks), a write error, or an internal error",
      "  2    bad usage or an invalid spec",
      "  3    the regression gate tripped",
      "  4    the run stopped incomplete (budget spent); resume it",
      "  130  interrupted by SIGINT (Ctrl-C); resume it",
      "  143  stopped by SIGTERM (kill, a CI cancel); resume it",
      "  129  stopped by SIGHUP (the terminal went away); resume it",
      "",
      "When several apply: the signal's code, then 1, then 4. A write error on stdout",
      "or --out (a full disk) exits 1; a reader that closes the pipe early (| head)",
      "ends vis at once and quietly, with the code it would have had.",
      "",
      "The database is --db PATH, else $VIS_DB, else ./vis.db.",
      "Docs: README.md and docs/ in the vis repository."
    })
final class VisCommand implements Runnable {
  /**
   * The subcommands, in the order help lists them ({@link Main} adds those a command line needs).
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          RunCommand.class,
          ReportCommand.class,
          TrendCommand.class,
          ExportCommand.class,
          ReplayCommand.class,
          PushCommand.class,
          RunsCommand.class,
          ExplainCommand.class,
          ValidateCommand.class,
          CompletionCommand.class,
          CommandLine.HelpCommand.class);

  private final CliContext context;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  VisCommand(CliContext context) {
    this.context = context;
  }

  /** What every subcommand takes from the world instead of reaching for it. */
  CliContext context() {
    return context;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "missing command (run, report, trend, export, replay, push, runs, completion)");
  }

  /**
   * Which subcommands a command line needs built. picocli reads every option of every command it is
   * given as it starts, a quarter of a second of CPU for all of them: {@code vis run …} builds only
   * {@code run}, {@code vis --version} none, and help, completion or an unknown word (for its "did
   * you mean") all.
   */
  static Predicate<String> neededBy(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        boolean alone =
            !arg.equals("help")
                && !arg.equals("completion")
                && SUBCOMMANDS.stream().anyMatch(sub -> name(sub).equals(arg));
        return alone ? arg::equals : name -> true;
      }
    }
    boolean versionOnly = VersionText.isAllThatIsAsked(args);
    return name -> !versionOnly;
  }

  static String name(Class<?> subcommand) {
    return subcommand.getAnnotation(Command.class).name();
  }

  /** The version, the commit it was built from, and the Java runtime it runs on. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return VersionText.lines().toArray(String[]::new);
    }
  }
}
