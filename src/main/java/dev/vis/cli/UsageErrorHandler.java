package dev.vis.cli;

import dev.vis.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Bad options or arguments: one line saying what is wrong and where to look, exit 2. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("vis: " + TerminalText.lines(e.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCode.USAGE;
  }
}
