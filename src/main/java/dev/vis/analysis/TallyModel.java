package dev.vis.analysis;

/**
 * A model as the gate matches it: by all four fields.
 *
 * @param id the model id reports use
 * @param provider the provider the spec names
 * @param model the provider's model name
 * @param webSearch the search mode
 */
public record TallyModel(String id, String provider, String model, boolean webSearch) {}
