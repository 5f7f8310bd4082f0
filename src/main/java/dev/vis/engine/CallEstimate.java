package dev.vis.engine;

import dev.vis.provider.PriceTable;
import dev.vis.provider.ProviderFacts;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.PromptSpec;
import dev.vis.spec.ProviderType;
import dev.vis.store.StoredModel;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What one call is expected to cost at most, before it is made: the prompt's tokens (about four
 * characters each, as the dry run counts them) and the model's {@code max_tokens} of output.
 *
 * @param inputTokens prompt and system prompt, estimated
 * @param outputTokens the model's {@code max_tokens} (800 when unset)
 * @param searches web searches assumed: one for a model that searches (Perplexity always does)
 * @param usd the cost at the model's price, search fee included; empty when unpriced
 */
public record CallEstimate(
    long inputTokens, long outputTokens, long searches, Optional<BigDecimal> usd) {
  /** Output tokens assumed for a model without {@code max_tokens}. */
  public static final int DEFAULT_OUTPUT_TOKENS = 800;

  /** The estimate of one call of {@code prompt} to {@code stored}; the dry run sums these. */
  public static CallEstimate of(PromptSpec prompt, StoredModel stored) {
    ModelSpec model = stored.spec();
    long input =
        prompt.text().length() / 4 + 10 + model.system().map(s -> s.length() / 4L).orElse(0L);
    ProviderType type = stored.endpoint().type();
    long output =
        model
            .maxTokens()
            .orElse(ProviderFacts.defaultMaxTokens(type).orElse(DEFAULT_OUTPUT_TOKENS));
    long searches = ProviderFacts.expectedSearches(type, model.webSearch());
    return new CallEstimate(
        input, output, searches, PriceTable.cost(stored.price(), input, output, searches));
  }

  static CallEstimate of(PromptSpec prompt, ModelLane lane) {
    return of(prompt, lane.model());
  }

  long tokens() {
    return inputTokens + outputTokens;
  }

  /** The cost in USD as a double for budget arithmetic: zero when unpriced. */
  double usdOrZero() {
    return usd.map(BigDecimal::doubleValue).orElse(0.0);
  }
}
