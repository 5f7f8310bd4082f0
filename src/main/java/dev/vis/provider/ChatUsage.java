package dev.vis.provider;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.OptionalLong;

/**
 * The {@code usage} object of a Chat Completions response, each count present only when a number
 * that is not negative.
 *
 * @param promptTokens {@code prompt_tokens}
 * @param completionTokens {@code completion_tokens}
 * @param totalTokens {@code total_tokens}
 * @param detailReasoningTokens {@code completion_tokens_details.reasoning_tokens} (OpenAI, xAI)
 * @param reasoningTokens {@code reasoning_tokens} (Perplexity meters them at the top level)
 * @param searchQueries {@code num_search_queries} (Perplexity's deep research)
 */
record ChatUsage(
    OptionalLong promptTokens,
    OptionalLong completionTokens,
    OptionalLong totalTokens,
    OptionalLong detailReasoningTokens,
    OptionalLong reasoningTokens,
    OptionalLong searchQueries) {

  /** A body without {@code usage}. */
  static final ChatUsage NONE =
      new ChatUsage(
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty());

  /** Reads the value {@code json} is on; anything but an object is {@link #NONE}. */
  static ChatUsage read(JsonParser json) throws IOException {
    if (json.currentToken() != JsonToken.START_OBJECT) {
      json.skipChildren();
      return NONE;
    }
    OptionalLong prompt = OptionalLong.empty();
    OptionalLong completion = OptionalLong.empty();
    OptionalLong total = OptionalLong.empty();
    OptionalLong detailReasoning = OptionalLong.empty();
    OptionalLong reasoning = OptionalLong.empty();
    OptionalLong queries = OptionalLong.empty();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      json.nextToken();
      switch (name) {
        case "prompt_tokens" -> prompt = ProviderJson.count(json);
        case "completion_tokens" -> completion = ProviderJson.count(json);
        case "total_tokens" -> total = ProviderJson.count(json);
        case "reasoning_tokens" -> reasoning = ProviderJson.count(json);
        case "num_search_queries" -> queries = ProviderJson.count(json);
        case "completion_tokens_details" -> detailReasoning = detailReasoning(json);
        default -> json.skipChildren();
      }
    }
    return new ChatUsage(prompt, completion, total, detailReasoning, reasoning, queries);
  }

  /**
   * The output tokens, reasoning included: OpenAI counts reasoning tokens inside {@code
   * completion_tokens}, xAI reports them beside it (its {@code total_tokens} is prompt + completion
   * + reasoning), and both are billed as output. So {@code completion_tokens}, plus the reasoning
   * tokens when the total shows they are apart.
   */
  OptionalLong outputTokens() {
    if (completionTokens.isEmpty()
        || detailReasoningTokens.isEmpty()
        || detailReasoningTokens.getAsLong() == 0
        || promptTokens.isEmpty()
        || totalTokens.isEmpty()) {
      return completionTokens;
    }
    long completion = completionTokens.getAsLong();
    long reasoning = detailReasoningTokens.getAsLong();
    long apart = promptTokens.getAsLong() + completion + reasoning;
    return apart == totalTokens.getAsLong()
        ? OptionalLong.of(completion + reasoning)
        : completionTokens;
  }

  /** {@code completion_tokens_details.reasoning_tokens}, from the value {@code json} is on. */
  private static OptionalLong detailReasoning(JsonParser json) throws IOException {
    OptionalLong reasoning = OptionalLong.empty();
    if (json.currentToken() != JsonToken.START_OBJECT) {
      json.skipChildren();
      return reasoning;
    }
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      json.nextToken();
      if (name.equals("reasoning_tokens")) {
        reasoning = ProviderJson.count(json);
      } else {
        json.skipChildren();
      }
    }
    return reasoning;
  }
}
