package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vis completion bash|zsh}: the script is sourced by a real {@code bash --norc} (no
 * bash-completion package), whose completion function is then called as bash calls it on TAB; and
 * by a real {@code zsh -f} after {@code compinit}, where installed.
 */
class CompletionTest {
  @TempDir Path dir;
  CommandHarness vis;
  Path script;

  @BeforeEach
  void setUp() throws IOException {
    vis = new CommandHarness(dir);
    CommandHarness.Result bash = vis.run("completion", "bash");
    assertThat(bash.exitCode()).as(bash.toString()).isZero();
    assertThat(bash.err()).isEmpty();
    script = dir.resolve("vis.bash");
    Files.writeString(script, bash.out());
  }

  @Test
  void sourcing_the_bash_script_registers_completion_for_vis() throws Exception {
    assertThat(bash("complete -p vis")).contains("-F _complete_vis").endsWith(" vis");
  }

  @Test
  void completes_subcommands_from_their_first_letters() throws Exception {
    assertThat(complete("vis", "re")).containsExactlyInAnyOrder("report", "replay");
    assertThat(complete("vis", "rep")).containsExactlyInAnyOrder("report", "replay");
    assertThat(complete("vis", "comp")).containsExactly("completion");
  }

  @Test
  void completes_options_of_a_subcommand() throws Exception {
    assertThat(complete("vis", "report", "--for")).containsExactly("--format");
    assertThat(complete("vis", "report", "--fa")).containsExactly("--fail-on-drop");
  }

  @Test
  void completes_the_values_of_options_that_take_one_of_a_set() throws Exception {
    assertThat(complete("vis", "report", "--format", ""))
        .containsExactlyInAnyOrder("md", "csv", "json");
    assertThat(complete("vis", "report", "--metric", "")).containsExactly("mention", "share");
    assertThat(complete("vis", "export", "--table", "m")).containsExactly("mentions");
    assertThat(complete("vis", "run", "spec.yaml", "--progress", "p")).containsExactly("plain");
    assertThat(complete("vis", "completion", "")).containsExactly("bash", "zsh");
  }

  @Test
  void the_zsh_script_loads_bash_completion_into_zsh() {
    CommandHarness.Result zsh = vis.run("completion", "zsh");
    assertThat(zsh.exitCode()).as(zsh.toString()).isZero();
    assertThat(zsh.out())
        .contains("bashcompinit", "complete -F _complete_vis")
        .contains("source <(vis completion zsh)");
  }

  @Test
  void zsh_loads_the_zsh_script_after_compinit_and_completes_vis_with_it() throws Exception {
    assumeTrue(onPath("zsh"), "zsh is not installed (.ci/run installs it where apt is)");
    CommandHarness.Result zsh = vis.run("completion", "zsh");
    assertThat(zsh.exitCode()).as(zsh.toString()).isZero();
    Path zshScript = dir.resolve("vis.zsh");
    Files.writeString(zshScript, zsh.out());
    // -f: no rc files; -D: compinit writes no dump file into HOME
    Process shell =
        new ProcessBuilder(
                "zsh",
                "-f",
                "-c",
                "autoload -U compinit && compinit -u -D && source \"$0\" && print -r -- \"${_comps[vis]}\"",
                zshScript.toString())
            .start();
    shell.getOutputStream().close();
    String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(shell.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(err).as("what zsh said while loading the script").isEmpty();
    assertThat(shell.exitValue()).as(out).isZero();
    assertThat(out.strip()).as("the completion zsh registered for vis").contains("_complete_vis");
  }

  @Test
  void an_unknown_shell_exits_2_naming_the_shells() {
    CommandHarness.Result fish = vis.run("completion", "fish");
    assertThat(fish.exitCode()).as(fish.toString()).isEqualTo(2);
    assertThat(fish.err()).contains("unknown shell 'fish' (expected one of bash|zsh)");
    assertThat(fish.out()).isEmpty();
  }

  /** What the completion function offers for the last word of {@code words}. */
  private List<String> complete(String... words) throws Exception {
    StringBuilder line = new StringBuilder("COMP_WORDS=(");
    for (String word : words) {
      line.append('\'').append(word).append("' ");
    }
    line.append("); COMP_CWORD=").append(words.length - 1);
    line.append("; _complete_vis 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"");
    return bash(line.toString()).lines().filter(s -> !s.isBlank()).toList();
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(File.pathSeparator))
        .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
  }

  private String bash(String command) throws Exception {
    Process bash =
        new ProcessBuilder(
                "bash",
                "--norc",
                "--noprofile",
                "-c",
                "source \"$0\"; " + command,
                script.toString())
            .redirectErrorStream(true)
            .start();
    bash.getOutputStream().close();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as(output).isZero();
    return output.strip();
  }
}
