package dev.vis.cli;

import dev.vis.engine.OutOfMemoryStop;
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
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      // the last resort: picocli hands only exceptions to the error handler, never errors
      return new ErrorHandler(context.secrets())
          .handleExecutionException(new OutOfMemoryStop(e), cli, null);
    }
  }

  static CommandLine commandLine(CliContext context) {
    CommandLine cli = new CommandLine(new VisCommand(), new ContextFactory(context));
    cli.setExecutionExceptionHandler(new ErrorHandler(context.secrets()));
    cli.setParameterExceptionHandler(new UsageErrorHandler());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setUsageHelpAutoWidth(true);
    return cli;
  }
}
