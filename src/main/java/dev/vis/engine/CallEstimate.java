package dev.vis.engine;

import dev.vis.provider.PriceTable;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.PromptSpec;
import java.math.BigDecimal;

/**
 * What one call is expected to cost at most, before it is made: the prompt's tokens (about four
 * characters each, as the dry run counts them) and the model's {@code max_tokens} of output.
 *
 * @param inputTokens prompt and system prompt, estimated
 * @param outputTokens the model's {@code max_tokens} (800 when unset)
 * @param usd the cost at the model's price, search fee included; zero when unpriced
 */
record CallEstimate(long inputTokens, long outputTokens, double usd) {
  static final int DEFAULT_OUTPUT_TOKENS = 800;

  static CallEstimate of(PromptSpec prompt, ModelLane lane) {
    ModelSpec model = lane.model().spec();
    long input = prompt.text().length() / 4 + 10 + model.system().map(s -> s.length() / 4L).orElse(0L);
    long output = model.maxTokens().orElse(DEFAULT_OUTPUT_TOKENS);
    double usd =
        PriceTable.cost(lane.price(), input, output, model.webSearch() ? 1 : 0)
            .map(BigDecimal::doubleValue)
            .orElse(0.0);
    return new CallEstimate(input, output, usd);
  }

  long tokens() {
    return inputTokens + outputTokens;
  }
}
