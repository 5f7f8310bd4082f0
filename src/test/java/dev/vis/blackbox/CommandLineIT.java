package dev.vis.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's front door: version, help and a mistyped command, without any database. */
class CommandLineIT {
  @TempDir Path root;
  JarRunner vis;

  @BeforeEach
  void setUp() {
    vis = JarRunner.in(root);
  }

  @Test
  void version_prints_the_version_the_commit_and_the_java_runtime_and_exits_0() {
    JarRunner.Result version = vis.run("--version").assertExit(0);
    assertThat(version.out())
        .as(version::toString)
        .matches(
            "vis \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{7,}|unknown)\\)\\R"
                + "Java \\d+\\S* \\(.+\\)\\R");
    assertThat(version.err()).as(version::toString).isEmpty();
  }

  @Test
  void help_lists_every_exit_code() {
    JarRunner.Result help = vis.run("--help").assertExit(0);
    assertThat(help.out())
        .as(help::toString)
        .contains("Usage: vis", "run", "report", "export", "replay", "runs", "Exit codes:")
        .containsPattern("(?m)^\\s+0\\s+success")
        .containsPattern("(?m)^\\s+1\\s+the run failed")
        .containsPattern("(?m)^\\s+2\\s+bad usage")
        .containsPattern("(?m)^\\s+3\\s+the regression gate")
        .containsPattern("(?m)^\\s+4\\s+the run stopped incomplete")
        .containsPattern("(?m)^\\s+130\\s+interrupted");
  }

  @Test
  void a_mistyped_command_exits_2_with_a_suggestion_and_no_stack_trace() {
    JarRunner.Result typo =
        vis.run("rum", "quickstart.yaml").assertExit(2, "'rum'", "Did you mean: vis run");
    assertThat(typo.out()).as(typo::toString).isEmpty();
    assertThat(typo.err()).as(typo::toString).contains("vis --help");
    assertThat(vis.workDir()).as("no database for a usage error").isEmptyDirectory();
  }
}
