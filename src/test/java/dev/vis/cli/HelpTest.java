package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.Version;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The help and version texts read as prose: whole sentences, one style for option values. */
class HelpTest {
  private static final CommandLine ROOT =
      Main.commandLine(new CliContext(Map.of(), Clock.systemUTC(), d -> {}, () -> 0.5, false));

  @Test
  void no_description_line_of_a_command_stops_mid_sentence() {
    // picocli prints each description element on its own line: an element ending mid-sentence
    // breaks the text at a fixed place whatever the terminal width (report and replay did)
    List<String> broken = new ArrayList<>();
    commands(ROOT)
        .forEach(
            c -> {
              for (String line : c.getCommandSpec().usageMessage().description()) {
                if (!line.replaceFirst("%n$", "").endsWith(".")) {
                  broken.add(c.getCommandSpec().qualifiedName() + ": " + line);
                }
              }
            });
    assertThat(broken).isEmpty();
  }

  @Test
  void report_help_wraps_its_description_at_the_terminal_width_only(@TempDir Path dir) {
    CommandHarness.Result help = new CommandHarness(dir).run("report", "--help");
    assertThat(help.exitCode()).as(help.toString()).isZero();
    String text = help.out().replaceAll("\\s+", " ");
    assertThat(text)
        .contains(
            "with --fail-on-drop, exits 3 when a gated brand dropped by more than PP points and"
                + " the drop is not noise.");
  }

  @Test
  void every_option_with_a_fixed_set_of_values_lists_them_the_same_way() {
    List<String> unlisted = new ArrayList<>();
    commands(ROOT)
        .forEach(
            c -> {
              for (OptionSpec option : c.getCommandSpec().options()) {
                if (option.completionCandidates() == null) {
                  continue;
                }
                List<String> words = new ArrayList<>();
                option.completionCandidates().forEach(words::add);
                String description = String.join(" ", option.description());
                if (!description.contains(": " + String.join(", ", words))) {
                  unlisted.add(c.getCommandSpec().qualifiedName() + " " + option.longestName());
                }
              }
            });
    assertThat(unlisted).isEmpty();
    assertThat(help("report", "--help"))
        .contains("Report format: md, csv, json, html (default: md)");
    assertThat(help("run", "--help")).contains("Progress on stderr: auto, plain, none");
  }

  @Test
  void an_unknown_progress_mode_is_refused_in_the_same_words_as_an_unknown_format(
      @TempDir Path dir) {
    new CommandHarness(dir)
        .run("run", "spec.yaml", "--progress", "off")
        .assertExit(2, "vis: --progress: unknown value 'off' (expected one of auto|plain|none)");
  }

  @Test
  void the_runs_format_and_the_gated_metric_are_refused_in_the_same_words(@TempDir Path dir) {
    CommandHarness vis = new CommandHarness(dir);
    vis.run("runs", "--format", "xml")
        .assertExit(2, "vis: --format: unknown value 'xml' (expected one of table|json)");
    vis.run("report", "--metric", "reach")
        .assertExit(2, "vis: --metric: unknown value 'reach' (expected one of mention|share)");
  }

  @Test
  void version_names_the_version_the_commit_and_the_java_runtime(@TempDir Path dir) {
    CommandHarness.Result version = new CommandHarness(dir).run("--version");
    assertThat(version.exitCode()).as(version.toString()).isZero();
    assertThat(version.out())
        .startsWith("vis " + Version.current() + " (commit " + Version.commit() + ")")
        .contains("Java " + Runtime.version());
    // a regression: subcommands printed nothing for --version
    CommandHarness.Result sub = new CommandHarness(dir).run("report", "--version");
    assertThat(sub.out()).isEqualTo(version.out());
  }

  private static String help(String... args) {
    return new CommandHarness(Path.of(".")).run(args).out();
  }

  private static Stream<CommandLine> commands(CommandLine command) {
    return Stream.concat(
        Stream.of(command), command.getSubcommands().values().stream().flatMap(HelpTest::commands));
  }
}
