package dev.vis.cli;

import dev.vis.ExitCode;
import dev.vis.VisException;
import dev.vis.engine.OutOfMemoryStop;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import picocli.CommandLine;

/** Entry point: builds the command line, runs it, and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // slf4j-simple fixes its level at the first logger: decide before any exists
    boolean verbose =
        Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    // the store's one-time set-up on the second core while picocli and the spec take the first
    Optional<Thread> warmUp = WarmUp.start(args);
    // not System.out: a PrintStream hides write errors, and a full disk must not pass for success
    PrintWriter out =
        ProductWriter.stdout(
            new FileOutputStream(FileDescriptor.out), ProductWriter.stdoutIsPipe());
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err, CliContext.system());
    err.flush();
    WarmUp.finish(warmUp);
    System.exit(code);
  }

  /**
   * Runs one command line against the given streams and world; returns the exit code. What is still
   * buffered for {@code out} is flushed here, so its write error counts too, as does one in what
   * picocli prints itself ({@code --help}, {@code --version}).
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, CliContext context) {
    CommandLine cli = null;
    int code = ExitCode.OK;
    try {
      if (VersionText.isAllThatIsAsked(args)) {
        // answered before picocli loads: its Java 5 classes miss the start-up cache
        VersionText.lines().forEach(out::println);
      } else {
        cli = commandLine(context, VisCommand.neededBy(args));
        cli.setOut(out);
        cli.setErr(err);
        code = cli.execute(args);
      }
      out.flush();
    } catch (ClosedPipeException e) {
      // the reader left: the code stands, and there is nothing to say
    } catch (VisException e) {
      err.println(TerminalText.lines(context.secrets().redact("vis: " + e.getMessage())));
      err.flush();
      // only a signal's code comes before a write error's (SPEC §3)
      boolean signalled =
          code == ExitCode.INTERRUPTED || code == ExitCode.TERMINATED || code == ExitCode.HUNG_UP;
      code = signalled ? code : e.exitCode();
    } catch (OutOfMemoryError e) {
      if (cli == null) {
        throw e; // only the version lines ran: there is no command to report it through
      }
      // the last resort: picocli hands only exceptions to the error handler, never errors
      code =
          new ErrorHandler(context.secrets())
              .handleExecutionException(new OutOfMemoryStop(e), cli, null);
    }
    return code;
  }

  static CommandLine commandLine(CliContext context) {
    return commandLine(context, name -> true);
  }

  private static CommandLine commandLine(CliContext context, Predicate<String> subcommands) {
    CommandLine cli = new CommandLine(new VisCommand(context));
    for (Class<?> sub : VisCommand.SUBCOMMANDS) {
      if (subcommands.test(VisCommand.name(sub))) {
        cli.addSubcommand(VisCommand.name(sub), new CommandLine(sub));
      }
    }
    cli.setExecutionStrategy(Main::execute);
    cli.setExecutionExceptionHandler(new ErrorHandler(context.secrets()));
    cli.setParameterExceptionHandler(new UsageErrorHandler());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setUsageHelpAutoWidth(true);
    everyVersionAsVis(cli, new VisCommand.VersionProvider());
    return cli;
  }

  /**
   * Runs the command, or prints the help or version it asked for; a write error in what picocli
   * prints itself goes to the {@link ErrorHandler} too, instead of picocli's stack trace.
   */
  private static int execute(CommandLine.ParseResult parsed) {
    try {
      return new CommandLine.RunLast().execute(parsed);
    } catch (ClosedPipeException | VisException e) {
      throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), "help", e);
    }
  }

  /** {@code vis report --version} says what {@code vis --version} says, not nothing. */
  private static void everyVersionAsVis(
      CommandLine command, CommandLine.IVersionProvider provider) {
    command.getCommandSpec().versionProvider(provider);
    command.getSubcommands().values().forEach(sub -> everyVersionAsVis(sub, provider));
  }
}
