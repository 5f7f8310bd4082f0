package dev.vis.provider;

import dev.vis.spec.ProviderType;
import java.util.OptionalInt;

/**
 * What a provider does on its own that an estimate made before a call must count: the output cap it
 * sends when the spec sets none, and the web searches it bills whatever the spec says.
 */
public final class ProviderFacts {
  /** Anthropic requires {@code max_tokens}: vis sends this many when the spec sets none. */
  static final int ANTHROPIC_DEFAULT_MAX_TOKENS = 1024;

  private ProviderFacts() {}

  /** The {@code max_tokens} a provider of {@code type} sends when the spec sets none, if any. */
  public static OptionalInt defaultMaxTokens(ProviderType type) {
    return type == ProviderType.ANTHROPIC
        ? OptionalInt.of(ANTHROPIC_DEFAULT_MAX_TOKENS)
        : OptionalInt.empty();
  }

  /**
   * The web searches one answer is expected to bill: one for a model that may search, and one for
   * every Perplexity answer, since Sonar searches for each.
   */
  public static int expectedSearches(ProviderType type, boolean webSearch) {
    return webSearch || type == ProviderType.PERPLEXITY ? 1 : 0;
  }
}
