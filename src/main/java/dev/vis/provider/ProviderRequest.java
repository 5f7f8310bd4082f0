package dev.vis.provider;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One question for one model.
 *
 * @param model the provider's model name
 * @param prompt the user message
 * @param system the system prompt, when set
 * @param temperature sampling temperature, when set
 * @param maxTokens output token cap, when set
 * @param webSearch whether the model may search the web
 * @param timeout how long this attempt may take in all
 * @param sample the sample number (1-based); {@code sim} uses it to vary answers deterministically
 * @param promptId the prompt's id; {@code sim} uses it to vary answers deterministically
 */
public record ProviderRequest(
    String model,
    String prompt,
    Optional<String> system,
    OptionalDouble temperature,
    OptionalInt maxTokens,
    boolean webSearch,
    Duration timeout,
    int sample,
    String promptId) {}
