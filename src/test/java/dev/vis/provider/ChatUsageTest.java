package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatUsageTest {
  private static ChatUsage usage(String json) throws Exception {
    return ChatCompletionTest.read("{\"usage\":" + json + "}").usage();
  }

  @Test
  void takes_openai_completion_tokens_as_they_are_since_they_include_reasoning() throws Exception {
    ChatUsage openAi =
        usage(
            "{\"prompt_tokens\":20,\"completion_tokens\":500,\"total_tokens\":520,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":448}}");

    assertThat(openAi.outputTokens()).hasValue(500);
  }

  @Test
  void adds_xai_reasoning_tokens_reported_beside_the_completion() throws Exception {
    // xAI's own example: 32 prompt + 9 completion + 94 reasoning = 135 total.
    ChatUsage xai =
        usage(
            "{\"prompt_tokens\":32,\"completion_tokens\":9,\"total_tokens\":135,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":94},"
                + "\"num_sources_used\":0}");

    assertThat(xai.outputTokens()).hasValue(103);
  }

  @Test
  void takes_completion_tokens_when_nothing_else_is_reported() throws Exception {
    assertThat(usage("{\"completion_tokens\":58}").outputTokens()).hasValue(58);
    assertThat(usage("{}").outputTokens()).isEmpty();
  }
}
