package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LazySubcommandsTest {
  @TempDir Path dir;

  @Test
  void a_command_builds_only_itself() {
    assertThat(built("report", "--db", "x.db", "--format", "json")).containsExactly("report");
    assertThat(built("--verbose", "runs")).containsExactly("runs");
  }

  @Test
  void version_alone_builds_no_subcommand_and_still_prints_the_version() {
    assertThat(built("--version")).isEmpty();
    assertThat(built("-V")).isEmpty();

    CommandHarness.Result version = new CommandHarness(dir).run("--version");

    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("vis ").contains("Java ");
  }

  @Test
  void help_completion_and_unknown_words_build_every_subcommand() {
    List<String> all = VisCommand.SUBCOMMANDS.stream().map(VisCommand::name).toList();
    assertThat(built("--help")).isEqualTo(all);
    assertThat(built("help", "run")).isEqualTo(all);
    assertThat(built("completion", "bash")).isEqualTo(all);
    assertThat(built("rnu")).isEqualTo(all);
    assertThat(built()).isEqualTo(all);
  }

  @Test
  void completion_still_completes_every_subcommand() {
    CommandHarness.Result script = new CommandHarness(dir).run("completion", "bash");

    assertThat(script.exitCode()).isZero();
    assertThat(script.out()).contains("replay").contains("explain").contains("validate");
  }

  @Test
  void a_mistyped_command_still_gets_its_suggestion() {
    CommandHarness.Result typo = new CommandHarness(dir).run("reprt");

    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("report");
  }

  private static List<String> built(String... args) {
    Predicate<String> needed = VisCommand.neededBy(args);
    return VisCommand.SUBCOMMANDS.stream().map(VisCommand::name).filter(needed).toList();
  }
}
