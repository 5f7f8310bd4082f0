package dev.vis.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err, CliContext.system());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line against the given streams and world; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, CliContext context) {
    CommandLine cli = commandLine(context);
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  static CommandLine commandLine(CliContext context) {
    CommandLine cli = new CommandLine(new VisCommand(), new ContextFactory(context));
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setParameterExceptionHandler(new UsageErrorHandler());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setUsageHelpAutoWidth(true);
    everyVersionAsVis(cli, new VisCommand.VersionProvider());
    return cli;
  }

  /** {@code vis report --version} says what {@code vis --version} says, not nothing. */
  private static void everyVersionAsVis(
      CommandLine command, CommandLine.IVersionProvider provider) {
    command.getCommandSpec().versionProvider(provider);
    command.getSubcommands().values().forEach(sub -> everyVersionAsVis(sub, provider));
  }
}
