package dev.vis.provider;

import dev.vis.spec.Price;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Model prices in USD per million input and output tokens, and per thousand web searches where a
 * provider charges for them: a dated built-in table of list prices (the resource {@code
 * prices.yaml}, read once), overridable by the spec's {@code pricing:}.
 *
 * <p>A price is found by model id, then by model name exactly, then by the model name without a
 * {@code -YYYY-MM-DD} suffix, never by prefix ({@code gpt-4o} does not price {@code gpt-4o-mini});
 * the spec's overrides are searched that way before the built-in table. Search fees are in the
 * table where a provider charges them; long-context tiers and cached-input discounts are not.
 * Immutable and thread-safe.
 */
public final class PriceTable {
  private static final BuiltInPrices BUILT_IN_TABLE = BuiltInPrices.load();

  /** The day the built-in prices were checked against the providers' price pages. */
  public static final LocalDate AS_OF = BUILT_IN_TABLE.asOf();

  private static final Pattern DATE_SUFFIX = Pattern.compile("-\\d{4}-\\d{2}-\\d{2}$");
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private static final Map<String, Price> BUILT_IN = BUILT_IN_TABLE.prices();

  private final Map<String, Price> overrides;

  private PriceTable(Map<String, Price> overrides) {
    this.overrides = Map.copyOf(overrides);
  }

  /** The built-in table, without overrides. */
  public static PriceTable builtIn() {
    return new PriceTable(Map.of());
  }

  /** This table with {@code prices} (keyed by model id or model name) taking precedence. */
  public PriceTable withOverrides(Map<String, Price> prices) {
    Map<String, Price> merged = new LinkedHashMap<>(overrides);
    merged.putAll(prices);
    return new PriceTable(merged);
  }

  /** The price of a model, when known. */
  public Optional<Price> find(String modelId, String modelName) {
    return lookup(overrides, modelId, modelName).or(() -> lookup(BUILT_IN, modelId, modelName));
  }

  /** The built-in entries, for listing and for the sanity test. */
  static Map<String, Price> builtInEntries() {
    return BUILT_IN;
  }

  /**
   * The cost of one answer in USD, exact; empty when the model has no price.
   *
   * @throws IllegalArgumentException when a token count is negative
   */
  public static Optional<BigDecimal> cost(
      Optional<Price> price, long inputTokens, long outputTokens) {
    return cost(price, inputTokens, outputTokens, 0);
  }

  /**
   * The cost of one answer in USD, exact, search fees included; empty when the model has no price.
   *
   * @param searches web searches the provider billed for the answer
   * @throws IllegalArgumentException when a count is negative
   */
  public static Optional<BigDecimal> cost(
      Optional<Price> price, long inputTokens, long outputTokens, long searches) {
    if (inputTokens < 0 || outputTokens < 0 || searches < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative: " + inputTokens + ", " + outputTokens + ", " + searches);
    }
    return price.map(
        p ->
            p.input()
                .multiply(BigDecimal.valueOf(inputTokens))
                .add(p.output().multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION)
                .add(
                    p.searchPer1k()
                        .map(fee -> fee.multiply(BigDecimal.valueOf(searches)).movePointLeft(3))
                        .orElse(BigDecimal.ZERO)));
  }

  private static Optional<Price> lookup(
      Map<String, Price> prices, String modelId, String modelName) {
    return Optional.ofNullable(prices.get(modelId))
        .or(() -> Optional.ofNullable(prices.get(modelName)))
        .or(() -> Optional.ofNullable(prices.get(DATE_SUFFIX.matcher(modelName).replaceFirst(""))));
  }
}
