package dev.vis.spec;

import java.util.Map;

/**
 * Settings of the built-in simulated model.
 *
 * @param seed makes answers deterministic
 * @param mentionRate planted probability that an answer names a brand, keyed by brand name; brands
 *     not listed get a default rate
 */
public record SimSpec(long seed, Map<String, Double> mentionRate) {
  public SimSpec {
    mentionRate = Map.copyOf(mentionRate);
  }
}
