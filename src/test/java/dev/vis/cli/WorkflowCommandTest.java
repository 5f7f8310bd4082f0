package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values in workflow commands are escaped as GitHub's toolkit escapes them. */
class WorkflowCommandTest {
  @Test
  void escapes_percent_cr_and_lf_in_the_message() {
    assertThat(new WorkflowCommand("error", "t", "50% of\r\nanswers").line())
        .isEqualTo("::error title=t::50%25 of%0D%0Aanswers");
  }

  @Test
  void escapes_colon_and_comma_too_in_a_property() {
    assertThat(new WorkflowCommand("error", "gate: Acme, Inc. 5%\n", "m").line())
        .isEqualTo("::error title=gate%3A Acme%2C Inc. 5%25%0A::m");
  }

  @Test
  void a_brand_name_cannot_start_a_second_command_on_a_new_line() {
    String line = new WorkflowCommand("error", "x", "Acme\n::warning::forged").line();
    assertThat(line).doesNotContain("\n").isEqualTo("::error title=x::Acme%0A::warning::forged");
  }
}
