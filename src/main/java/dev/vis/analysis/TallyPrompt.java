package dev.vis.analysis;

/**
 * A prompt as the gate matches it.
 *
 * @param id the prompt id
 * @param text the question asked: a prompt matches another only with the same id and text
 * @param branded whether its text names a tracked brand
 */
public record TallyPrompt(String id, String text, boolean branded) {}
