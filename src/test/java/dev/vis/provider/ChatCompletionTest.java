package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import dev.vis.provider.ChatCompletion.SearchResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The streaming read of a Chat Completions body reads what a tree of it would say. */
class ChatCompletionTest {
  /** {@code body} read the way a provider reads it. */
  static ChatCompletion read(String body) throws Exception {
    try (JsonParser parser = ProviderJson.FACTORY.createParser(body)) {
      parser.nextToken();
      return ChatCompletion.read(parser);
    }
  }

  @Test
  void joins_content_parts_given_as_strings_or_objects_with_text() throws Exception {
    ChatCompletion completion =
        read(
            "{\"choices\":[{\"message\":{\"content\":[\"Acme \",{\"type\":\"text\",\"text\":\"and"
                + " Globex\"},{\"type\":\"image\"},7,null]},\"finish_reason\":\"stop\"}]}");

    assertThat(completion.first().content()).isEqualTo("Acme and Globex");
    assertThat(completion.first().finishReason()).contains("stop");
  }

  @Test
  void reads_only_the_first_choice_and_skips_fields_it_does_not_need() throws Exception {
    ChatCompletion completion =
        read(
            "{\"id\":\"c1\",\"extra\":{\"deep\":[1,{\"a\":[]}]},\"choices\":[{\"index\":0,"
                + "\"logprobs\":{\"content\":[{\"token\":\"x\"}]},\"message\":{\"role\":\"assistant\","
                + "\"content\":\"first\",\"tool_calls\":[]}},{\"message\":{\"content\":\"second\"}}],"
                + "\"model\":\"m-1\"}");

    assertThat(completion.first().content()).isEqualTo("first");
    assertThat(completion.id()).contains("c1");
    assertThat(completion.model()).contains("m-1");
  }

  @Test
  void says_which_part_is_missing_when_there_is_no_message() throws Exception {
    assertThat(read("{\"choices\":[]}").shapeFault()).isEqualTo("no choices in the body");
    assertThat(read("{\"choices\":{}}").choice()).isEmpty();
    assertThat(read("{\"choices\":[{\"message\":\"hi\"}]}").shapeFault())
        .isEqualTo("no message in choices[0]");
    assertThat(read("{\"choices\":[{\"message\":\"hi\"}]}").choice()).isEmpty();
    assertThat(read("{\"choices\":[3]}").choice()).isEmpty();
  }

  @Test
  void takes_counts_that_are_whole_or_cut_and_never_negative_or_beyond_a_long() throws Exception {
    ChatUsage usage =
        read("{\"usage\":{\"prompt_tokens\":24.9,\"completion_tokens\":-3,"
                + "\"total_tokens\":123456789012345678901234567890,\"reasoning_tokens\":\"5\"}}")
            .usage();

    assertThat(usage.promptTokens()).hasValue(24);
    assertThat(usage.completionTokens()).isEmpty();
    assertThat(usage.totalTokens()).isEmpty();
    assertThat(usage.reasoningTokens()).isEmpty();
  }

  @Test
  void reads_perplexity_citations_as_text_and_search_results_that_have_a_url() throws Exception {
    ChatCompletion completion =
        read(
            "{\"citations\":[\" https://a.example \",null,5],\"search_results\":[{\"url\":"
                + "\"https://b.example\",\"title\":\" B \"},{\"title\":\"no url\"},\"x\","
                + "{\"url\":\"https://c.example\",\"title\":\"  \"}]}");

    assertThat(completion.citations()).containsExactly("https://a.example", "", "5");
    assertThat(completion.searchResults())
        .isEqualTo(
            List.of(
                new SearchResult("https://b.example", Optional.of("B")),
                new SearchResult("https://c.example", Optional.empty())));
  }
}
