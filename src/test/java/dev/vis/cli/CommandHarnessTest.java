package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The harness's own assertion: what {@link CommandHarness.Result#assertExit} accepts. */
class CommandHarnessTest {
  static final String TRACE =
      "vis: internal error: java.lang.IllegalStateException: x\n\tat dev.vis.cli.Main.run\n";

  @Test
  void assert_exit_without_messages_checks_only_the_code_and_the_absence_of_a_stack_trace() {
    assertThatCode(() -> new CommandHarness.Result(0, "out", "").assertExit(0))
        .doesNotThrowAnyException();
    assertThatCode(() -> new CommandHarness.Result(2, "", "vis: bad spec\n").assertExit(2))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> new CommandHarness.Result(1, "", "").assertExit(0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("exit 1");
    assertThatThrownBy(() -> new CommandHarness.Result(1, "", TRACE).assertExit(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("\tat dev.vis.cli.Main.run");
  }

  @Test
  void assert_exit_with_messages_wants_each_of_them_on_stderr() {
    CommandHarness.Result result = new CommandHarness.Result(2, "", "vis: a.yaml: no brands\n");
    assertThatCode(() -> result.assertExit(2, "a.yaml", "no brands")).doesNotThrowAnyException();
    assertThatThrownBy(() -> result.assertExit(2, "a.yaml", "no prompts"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no prompts");
  }
}
