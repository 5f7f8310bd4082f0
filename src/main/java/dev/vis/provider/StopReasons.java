package dev.vis.provider;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How one wire format says why an answer ended, for judging an answer that has no text (SPEC §4):
 * the model spent its {@code max_tokens} (a final failure naming them), a filter or refusal blocked
 * it (an {@code ok} answer that mentions no brand), or it stopped as usual and the body simply
 * holds no answer (a malformed attempt, retried, its raw body kept).
 *
 * @param where where the format puts the answer text, for the message ({@code choices[0]})
 * @param outOfTokens the reason that says the model spent its {@code max_tokens}
 * @param blocked the reasons that say a filter or refusal blocked the answer
 */
record StopReasons(String where, String outOfTokens, Set<String> blocked) {

  /** Chat Completions (OpenAI, xAI, Perplexity, compatible servers): {@code finish_reason}. */
  static final StopReasons CHAT = new StopReasons("choices[0]", "length", Set.of("content_filter"));

  StopReasons {
    blocked = Set.copyOf(blocked);
  }

  /**
   * Checks that an answer whose text is {@code text} and that stopped for {@code reason} is one to
   * keep: an answer with text is, and so is one a filter or refusal blocked.
   *
   * @throws FinalProviderException when the model spent its {@code max_tokens} on no text
   * @throws RetryableProviderException when the body holds no answer (malformed, body kept)
   */
  void require(JsonReply reply, String text, Optional<String> reason, OptionalInt maxTokens)
      throws ProviderException {
    if (!text.isBlank() || reason.filter(blocked::contains).isPresent()) {
      return;
    }
    if (reason.filter(outOfTokens::equals).isPresent()) {
      throw reply.outOfTokens(maxTokens);
    }
    throw reply.malformed(
        "no answer text in "
            + where
            + reason.map(r -> " (finish reason " + r + ")").orElse(" (no finish reason)"));
  }
}
