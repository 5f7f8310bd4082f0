package dev.vis.spec;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A model to ask, as the spec wrote it.
 *
 * @param id the name reports use
 * @param provider a key of {@code providers:} or a built-in provider type
 * @param model the provider's model name (for {@code sim}: defaults to "sim")
 * @param temperature sampling temperature, when set
 * @param maxTokens output token cap, when set
 * @param system system prompt, when set
 * @param webSearch whether the model may search the web
 * @param baseUrl overrides the provider's base URL, as written
 * @param apiKeyEnv overrides the provider's API key variable
 * @param allowInsecureHttp allows a non-loopback {@code http://} base URL
 * @param sim settings of the simulated model (provider {@code sim} only)
 * @param concurrency in-flight calls to this model, when set
 * @param rpm requests per minute for this model, when set
 * @param tpm tokens per minute for this model, when set
 */
public record ModelSpec(
    String id,
    String provider,
    String model,
    OptionalDouble temperature,
    OptionalInt maxTokens,
    Optional<String> system,
    boolean webSearch,
    Optional<BaseUrl> baseUrl,
    Optional<String> apiKeyEnv,
    boolean allowInsecureHttp,
    Optional<SimSpec> sim,
    OptionalInt concurrency,
    OptionalInt rpm,
    OptionalInt tpm) {}
