package dev.vis.cli;

import dev.vis.ExitCode;
import dev.vis.VisException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vis completion bash|zsh}: the shell completion script picocli generates from the command
 * tree, so commands, options and option values never drift from the code.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a shell completion script for vis: its commands, options and option values.",
      "bash: source <(vis completion bash), e.g. in ~/.bashrc.",
      "zsh: source <(vis completion zsh) in ~/.zshrc, after compinit."
    })
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "SHELL",
      completionCandidates = OptionValues.Shells.class,
      description = "The shell: ${COMPLETION-CANDIDATES}")
  String shell;

  @Override
  public Integer call() {
    String name = shell.strip().toLowerCase(Locale.ROOT);
    if (!name.equals("bash") && !name.equals("zsh")) {
      throw VisException.usage(
          "completion: unknown shell '" + shell + "' (expected one of bash|zsh)");
    }
    // picocli's script serves both shells: under zsh it loads bashcompinit itself
    String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
    PrintWriter out = spec.commandLine().getOut();
    out.print("# vis completion for " + name + ": source <(vis completion " + name + ")\n");
    out.print(script);
    out.flush();
    return ExitCode.OK;
  }
}
