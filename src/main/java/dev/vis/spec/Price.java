package dev.vis.spec;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * USD per million tokens, and per thousand web searches where a provider charges for them.
 *
 * @param input per million input tokens
 * @param output per million output tokens (reasoning tokens included)
 * @param searchPer1k per thousand web searches (or grounded requests), when the provider charges
 */
public record Price(BigDecimal input, BigDecimal output, Optional<BigDecimal> searchPer1k) {

  /** A price with no search fee. */
  public Price(BigDecimal input, BigDecimal output) {
    this(input, output, Optional.empty());
  }
}
