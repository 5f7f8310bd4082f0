package dev.vis.provider;

import dev.vis.spec.Price;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Model prices in USD per million input and output tokens: a dated built-in table of list prices,
 * overridable by the spec's {@code pricing:}.
 *
 * <p>A price is found by model id, then by model name exactly, then by the model name without a
 * {@code -YYYY-MM-DD} suffix, never by prefix ({@code gpt-4o} does not price {@code gpt-4o-mini});
 * the spec's overrides are searched that way before the built-in table. Long-context tiers are not
 * in the table; search fees are only where noted beside a provider's prices. Immutable and
 * thread-safe.
 */
public final class PriceTable {
  /** The day the built-in prices were checked against the providers' price pages. */
  public static final LocalDate AS_OF = LocalDate.of(2025, 10, 1);

  private static final Pattern DATE_SUFFIX = Pattern.compile("-\\d{4}-\\d{2}-\\d{2}$");
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private static final Map<String, Price> BUILT_IN = builtInPrices();

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
   * The cost of one answer in USD, exact, search fees included; empty when the model has no
   * price.
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

  private static Map<String, Price> builtInPrices() {
    Map<String, Price> p = new LinkedHashMap<>();
    // OpenAI (platform.openai.com/docs/pricing, standard tier)
    p.put("gpt-5", price("1.25", "10.00"));
    p.put("gpt-5-mini", price("0.25", "2.00"));
    p.put("gpt-5-nano", price("0.05", "0.40"));
    p.put("gpt-5-chat-latest", price("1.25", "10.00"));
    p.put("gpt-4.1", price("2.00", "8.00"));
    p.put("gpt-4.1-mini", price("0.40", "1.60"));
    p.put("gpt-4.1-nano", price("0.10", "0.40"));
    p.put("gpt-4o", price("2.50", "10.00"));
    p.put("gpt-4o-2024-05-13", price("5.00", "15.00"));
    p.put("gpt-4o-mini", price("0.15", "0.60"));
    p.put("o1", price("15.00", "60.00"));
    p.put("o3", price("2.00", "8.00"));
    p.put("o3-mini", price("1.10", "4.40"));
    p.put("o4-mini", price("1.10", "4.40"));
    p.put("gpt-4-turbo", price("10.00", "30.00"));
    p.put("gpt-3.5-turbo", price("0.50", "1.50"));
    // Anthropic (anthropic.com/pricing); dated ids have no dashes in the date, so listed whole
    p.put("claude-opus-4-1", price("15.00", "75.00"));
    p.put("claude-opus-4-1-20250805", price("15.00", "75.00"));
    p.put("claude-sonnet-4-5", price("3.00", "15.00"));
    p.put("claude-sonnet-4-5-20250929", price("3.00", "15.00"));
    p.put("claude-sonnet-4-0", price("3.00", "15.00"));
    p.put("claude-sonnet-4-20250514", price("3.00", "15.00"));
    p.put("claude-3-5-haiku-latest", price("0.80", "4.00"));
    p.put("claude-3-5-haiku-20241022", price("0.80", "4.00"));
    // Google Gemini (ai.google.dev/pricing, prompts up to 200k tokens)
    p.put("gemini-2.5-pro", price("1.25", "10.00"));
    p.put("gemini-2.5-flash", price("0.30", "2.50"));
    p.put("gemini-2.5-flash-lite", price("0.10", "0.40"));
    p.put("gemini-2.0-flash", price("0.10", "0.40"));
    // Perplexity (docs.perplexity.ai/getting-started/pricing, checked 2026-11-22): tokens plus a
    // request fee per 1,000 requests at the default (low) search context size. sonar-reasoning
    // keeps the last price listed before it left the page. sonar-deep-research is not listed: it
    // bills citation tokens, reasoning tokens ($3/M) and each search query ($5/1k) on lines of
    // their own, which input/output/search prices cannot express; price it in the spec.
    p.put("sonar", price("1.00", "1.00", "5.00"));
    p.put("sonar-pro", price("3.00", "15.00", "6.00"));
    p.put("sonar-reasoning", price("1.00", "5.00", "5.00"));
    p.put("sonar-reasoning-pro", price("2.00", "8.00", "6.00"));
    // xAI (docs.x.ai/docs/models)
    p.put("grok-4", price("3.00", "15.00"));
    p.put("grok-3", price("3.00", "15.00"));
    p.put("grok-3-mini", price("0.30", "0.50"));
    return Map.copyOf(p);
  }

  private static Price price(String input, String output) {
    return new Price(new BigDecimal(input), new BigDecimal(output));
  }

  private static Price price(String input, String output, String searchPer1k) {
    return new Price(
        new BigDecimal(input), new BigDecimal(output), Optional.of(new BigDecimal(searchPer1k)));
  }
}
