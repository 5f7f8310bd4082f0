package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

class ChatUsageTest {
  private static JsonNode usage(String json) throws Exception {
    return JsonMapper.builder().build().readTree(json);
  }

  @Test
  void takes_openai_completion_tokens_as_they_are_since_they_include_reasoning() throws Exception {
    JsonNode openAi =
        usage(
            "{\"prompt_tokens\":20,\"completion_tokens\":500,\"total_tokens\":520,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":448}}");

    assertThat(ChatUsage.outputTokens(openAi)).hasValue(500);
  }

  @Test
  void adds_xai_reasoning_tokens_reported_beside_the_completion() throws Exception {
    // xAI's own example: 32 prompt + 9 completion + 94 reasoning = 135 total.
    JsonNode xai =
        usage(
            "{\"prompt_tokens\":32,\"completion_tokens\":9,\"total_tokens\":135,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":94},"
                + "\"num_sources_used\":0}");

    assertThat(ChatUsage.outputTokens(xai)).hasValue(103);
  }

  @Test
  void takes_completion_tokens_when_nothing_else_is_reported() throws Exception {
    assertThat(ChatUsage.outputTokens(usage("{\"completion_tokens\":58}"))).hasValue(58);
    assertThat(ChatUsage.outputTokens(usage("{}"))).isEmpty();
  }
}
