package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThinkBlocksTest {

  @Test
  void removes_a_reasoning_block_before_the_answer() {
    assertThat(ThinkBlocks.strip("<think>\nAcme? Globex?\n</think>\n\nGlobex is best."))
        .isEqualTo("Globex is best.");
  }

  @Test
  void removes_every_block_whatever_the_case_of_the_tag() {
    assertThat(ThinkBlocks.strip("<THINK>a</THINK>One <think>b</think>two")).isEqualTo("One two");
  }

  @Test
  void drops_a_block_left_open_when_the_model_ran_out_of_tokens() {
    assertThat(ThinkBlocks.strip("<think>still reasoning about Acme")).isEmpty();
  }

  @Test
  void drops_reasoning_before_a_closing_tag_whose_opening_tag_the_server_ate() {
    assertThat(ThinkBlocks.strip("reasoning about Acme</think>\nGlobex.")).isEqualTo("Globex.");
  }

  @Test
  void leaves_text_without_blocks_as_it_is_apart_from_outer_whitespace() {
    assertThat(ThinkBlocks.strip("  1. **Acme** — fine\n")).isEqualTo("1. **Acme** — fine");
  }
}
