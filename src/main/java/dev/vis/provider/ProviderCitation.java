package dev.vis.provider;

import java.util.Optional;

/**
 * A source the provider returned in its own response fields.
 *
 * @param url the source URL
 * @param title the source title, when given (Gemini puts the real domain here)
 * @param cited true when the answer cites it; false when it was only retrieved by a search
 */
public record ProviderCitation(String url, Optional<String> title, boolean cited) {}
