package dev.vis.spec;

import java.math.BigDecimal;

/**
 * USD per million tokens.
 *
 * @param input per million input tokens
 * @param output per million output tokens (reasoning tokens included)
 */
public record Price(BigDecimal input, BigDecimal output) {}
