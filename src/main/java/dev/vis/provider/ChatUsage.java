package dev.vis.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/**
 * The output tokens of a Chat Completions {@code usage} object, reasoning included: OpenAI counts
 * reasoning tokens inside {@code completion_tokens}, xAI reports them beside it (its {@code
 * total_tokens} is prompt + completion + reasoning), and both are billed as output.
 */
final class ChatUsage {
  private ChatUsage() {}

  /** {@code completion_tokens}, plus the reasoning tokens when the total shows they are apart. */
  static OptionalLong outputTokens(JsonNode usage) {
    OptionalLong completion = JsonFields.count(usage.path("completion_tokens"));
    OptionalLong reasoning =
        JsonFields.count(usage.path("completion_tokens_details").path("reasoning_tokens"));
    OptionalLong prompt = JsonFields.count(usage.path("prompt_tokens"));
    OptionalLong total = JsonFields.count(usage.path("total_tokens"));
    if (completion.isEmpty()
        || reasoning.isEmpty()
        || reasoning.getAsLong() == 0
        || prompt.isEmpty()
        || total.isEmpty()) {
      return completion;
    }
    long apart = prompt.getAsLong() + completion.getAsLong() + reasoning.getAsLong();
    return apart == total.getAsLong()
        ? OptionalLong.of(completion.getAsLong() + reasoning.getAsLong())
        : completion;
  }
}
