package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vis.spec.ProviderType;
import org.junit.jupiter.api.Test;

class ProviderFactsTest {
  @Test
  void anthropic_alone_has_a_default_max_tokens_and_it_is_the_one_it_sends() throws Exception {
    int sent =
        JsonMapper.builder()
            .build()
            .readTree(AnthropicProvider.body(TestSpecs.request("claude-haiku-4-5", "Hi")))
            .path("max_tokens")
            .asInt();

    assertThat(ProviderFacts.defaultMaxTokens(ProviderType.ANTHROPIC)).hasValue(sent);
    assertThat(sent).isEqualTo(1024);
    for (ProviderType type : ProviderType.values()) {
      if (type != ProviderType.ANTHROPIC) {
        assertThat(ProviderFacts.defaultMaxTokens(type)).as(type.id()).isEmpty();
      }
    }
  }

  @Test
  void expects_a_search_from_a_searching_model_and_from_every_perplexity_answer() {
    assertThat(ProviderFacts.expectedSearches(ProviderType.PERPLEXITY, false)).isOne();
    assertThat(ProviderFacts.expectedSearches(ProviderType.OPENAI, true)).isOne();
    assertThat(ProviderFacts.expectedSearches(ProviderType.OPENAI, false)).isZero();
    assertThat(ProviderFacts.expectedSearches(ProviderType.GEMINI, false)).isZero();
  }
}
