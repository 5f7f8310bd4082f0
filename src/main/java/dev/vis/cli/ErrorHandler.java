package dev.vis.cli;

import dev.vis.ExitCode;
import dev.vis.VisException;
import dev.vis.spec.Secrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * The one place an exception becomes a message and an exit code: a {@link VisException}'s own
 * message, anything else an internal error; stack traces only with {@code --verbose}. Secrets are
 * blanked from all of it, and the terminal gets it escaped ({@link TerminalText}): messages carry
 * text from providers and specs. A closed pipe on stdout is no error: the command ends quietly.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  private final Secrets secrets;

  ErrorHandler(Secrets secrets) {
    this.secrets = secrets;
  }

  @Override
  public int handleExecutionException(
      Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
    if (ClosedPipeException.in(e)) {
      return ExitCode.OK;
    }
    PrintWriter err = command.getErr();
    boolean verbose = isVerbose(parseResult);
    if (e instanceof VisException v) {
      err.println(TerminalText.lines(secrets.redact("vis: " + v.getMessage())));
      if (verbose && v.getCause() != null) {
        err.println(TerminalText.lines(secrets.redact(stackTrace(v))));
      }
      err.flush();
      return v.exitCode();
    }
    err.println(
        TerminalText.lines(
            secrets.redact(
                "vis: internal error: "
                    + e
                    + (verbose
                        ? ""
                        : " (run again with --verbose for details; please report it)"))));
    if (verbose) {
      err.println(TerminalText.lines(secrets.redact(stackTrace(e))));
    }
    err.flush();
    return ExitCode.FAILED;
  }

  private static boolean isVerbose(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static String stackTrace(Throwable t) {
    StringWriter s = new StringWriter();
    t.printStackTrace(new PrintWriter(s));
    return s.toString();
  }
}
