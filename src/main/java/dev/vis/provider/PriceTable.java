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
 * provider charges for them: a dated built-in table of list prices, overridable by the spec's
 * {@code pricing:}.
 *
 * <p>A price is found by model id, then by model name exactly, then by the model name without a
 * {@code -YYYY-MM-DD} suffix, never by prefix ({@code gpt-4o} does not price {@code gpt-4o-mini});
 * the spec's overrides are searched that way before the built-in table. Search fees are in the
 * table where a provider charges them; long-context tiers and cached-input discounts are not.
 * Immutable and thread-safe.
 */
public final class PriceTable {
  /** The day the built-in prices were checked against the providers' price pages. */
  public static final LocalDate AS_OF = LocalDate.of(2025, 10, 1);

  private static final Pattern DATE_SUFFIX = Pattern.compile("-\\d{4}-\\d{2}-\\d{2}$");
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private static final String OPENAI_SEARCH = "10.00";
  private static final String XAI_SEARCH = "5.00";

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

  private static Map<String, Price> builtInPrices() {
    Map<String, Price> p = new LinkedHashMap<>();
    // OpenAI (platform.openai.com/docs/pricing, standard tier; the search fee checked 2026-11-22).
    // The Responses API's web_search tool costs USD 10 per 1,000 calls on every model (the older
    // web_search_preview's USD 25 does not apply: vis sends web_search). Search content tokens are
    // billed at the input rate; vis counts only what usage.input_tokens reports (OpenAI bills a
    // fixed 8,000-token block per call on gpt-4o-mini and gpt-4.1-mini). Models that cannot search
    // carry no fee.
    p.put("gpt-5", price("1.25", "10.00", OPENAI_SEARCH));
    p.put("gpt-5-mini", price("0.25", "2.00", OPENAI_SEARCH));
    p.put("gpt-5-nano", price("0.05", "0.40", OPENAI_SEARCH));
    p.put("gpt-5-chat-latest", price("1.25", "10.00"));
    p.put("gpt-4.1", price("2.00", "8.00", OPENAI_SEARCH));
    p.put("gpt-4.1-mini", price("0.40", "1.60", OPENAI_SEARCH));
    p.put("gpt-4.1-nano", price("0.10", "0.40"));
    p.put("gpt-4o", price("2.50", "10.00", OPENAI_SEARCH));
    p.put("gpt-4o-2024-05-13", price("5.00", "15.00"));
    p.put("gpt-4o-mini", price("0.15", "0.60", OPENAI_SEARCH));
    p.put("o1", price("15.00", "60.00"));
    p.put("o3", price("2.00", "8.00", OPENAI_SEARCH));
    p.put("o3-mini", price("1.10", "4.40"));
    p.put("o4-mini", price("1.10", "4.40", OPENAI_SEARCH));
    p.put("gpt-4-turbo", price("10.00", "30.00"));
    p.put("gpt-3.5-turbo", price("0.50", "1.50"));
    // Anthropic (platform.claude.com model and pricing pages, checked 2026-11 for this section):
    // dated ids have no dashes in the date, so they are listed whole. Web search costs USD 10 per
    // 1,000 searches on every model. Prompt-cache rates differ from the input price; vis sends no
    // cache_control, so its prompts are never cached.
    p.put("claude-opus-5-5", claude("4.00", "20.00"));
    p.put("claude-opus-5", claude("5.00", "25.00"));
    p.put("claude-sonnet-5-5", claude("2.00", "10.00"));
    // Haiku 5.5 has two prices by prompt length; this is the one up to 100,000 prompt tokens.
    p.put("claude-haiku-5-5", claude("0.10", "0.50"));
    p.put("claude-opus-4-6", claude("5.00", "25.00"));
    p.put("claude-sonnet-4-6", claude("3.00", "15.00"));
    p.put("claude-opus-4-5", claude("5.00", "25.00"));
    p.put("claude-opus-4-5-20251101", claude("5.00", "25.00"));
    p.put("claude-haiku-4-5", claude("1.00", "5.00"));
    p.put("claude-haiku-4-5-20251001", claude("1.00", "5.00"));
    p.put("claude-opus-4-1", claude("15.00", "75.00"));
    p.put("claude-opus-4-1-20250805", claude("15.00", "75.00"));
    p.put("claude-opus-4-0", claude("15.00", "75.00"));
    p.put("claude-opus-4-20250514", claude("15.00", "75.00"));
    p.put("claude-sonnet-4-5", claude("3.00", "15.00"));
    p.put("claude-sonnet-4-5-20250929", claude("3.00", "15.00"));
    p.put("claude-sonnet-4-0", claude("3.00", "15.00"));
    p.put("claude-sonnet-4-20250514", claude("3.00", "15.00"));
    p.put("claude-3-5-haiku-latest", claude("0.80", "4.00"));
    p.put("claude-3-5-haiku-20241022", claude("0.80", "4.00"));
    // Google Gemini (ai.google.dev/gemini-api/docs/pricing, paid tier, prompts up to 200k tokens;
    // thinking billed as output). Search fee: Grounding with Google Search past the free daily
    // allowance, USD 35 per 1,000 grounded prompts for 2.x models.
    p.put("gemini-2.5-pro", price("1.25", "10.00", "35"));
    p.put("gemini-2.5-flash", price("0.30", "2.50", "35"));
    p.put("gemini-2.5-flash-lite", price("0.10", "0.40", "35"));
    p.put("gemini-2.0-flash", price("0.10", "0.40", "35"));
    p.put("gemini-2.0-flash-lite", price("0.075", "0.30"));
    // Gemini 3 previews came after AS_OF: their list prices as secondary sources quote that page,
    // not checked on it. Grounding is billed per search query the model runs, USD 14 per 1,000.
    p.put("gemini-3-pro-preview", price("2.00", "12.00", "14"));
    p.put("gemini-3.1-pro-preview", price("2.00", "12.00", "14"));
    p.put("gemini-3-flash-preview", price("0.50", "3.00", "14"));
    // Perplexity (docs.perplexity.ai/getting-started/pricing, checked 2026-11-22): tokens plus a
    // request fee per 1,000 requests at the default (low) search context size. sonar-reasoning
    // keeps the last price listed before it left the page. sonar-deep-research is not listed: it
    // bills citation tokens, reasoning tokens ($3/M) and each search query ($5/1k) on lines of
    // their own, which input/output/search prices cannot express; price it in the spec.
    p.put("sonar", price("1.00", "1.00", "5.00"));
    p.put("sonar-pro", price("3.00", "15.00", "6.00"));
    p.put("sonar-reasoning", price("1.00", "5.00", "5.00"));
    p.put("sonar-reasoning-pro", price("2.00", "8.00", "6.00"));
    // xAI (docs.x.ai/developers/models and /pricing, checked 2026-11-22; grok-4 and grok-3 at
    // their last listed prices). Reasoning tokens are billed as output. The web_search tool costs
    // USD 5 per 1,000 calls.
    p.put("grok-4", price("3.00", "15.00", XAI_SEARCH));
    p.put("grok-4-0709", price("3.00", "15.00", XAI_SEARCH));
    p.put("grok-4-fast-reasoning", price("0.20", "0.50", XAI_SEARCH));
    p.put("grok-4-fast-non-reasoning", price("0.20", "0.50", XAI_SEARCH));
    p.put("grok-4-1-fast-reasoning", price("0.20", "0.50", XAI_SEARCH));
    p.put("grok-4-1-fast-non-reasoning", price("0.20", "0.50", XAI_SEARCH));
    p.put("grok-3", price("3.00", "15.00", XAI_SEARCH));
    p.put("grok-3-mini", price("0.30", "0.50", XAI_SEARCH));
    return Map.copyOf(p);
  }

  /** An Anthropic price: tokens, and the web search fee of USD 10 per 1,000 searches. */
  private static Price claude(String input, String output) {
    return new Price(
        new BigDecimal(input), new BigDecimal(output), Optional.of(new BigDecimal("10.00")));
  }

  private static Price price(String input, String output) {
    return new Price(new BigDecimal(input), new BigDecimal(output));
  }

  private static Price price(String input, String output, String searchPer1k) {
    return new Price(
        new BigDecimal(input), new BigDecimal(output), Optional.of(new BigDecimal(searchPer1k)));
  }
}
