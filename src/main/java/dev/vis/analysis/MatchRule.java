package dev.vis.analysis;

import java.util.Locale;

/**
 * How a stretch of text came to name a brand. Where two rules match the same stretch, the earlier
 * constant wins, so a brand name that looks like a domain ({@code Instantly.ai}) is a name.
 */
public enum MatchRule {
  /** The brand's name. */
  NAME,
  /** One of its aliases. */
  ALIAS,
  /** One of its domains written in prose, without a scheme ({@code www.acme.com/pricing}). */
  DOMAIN;

  /** {@code name}, {@code alias} or {@code domain}, as exports and explanations write it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
