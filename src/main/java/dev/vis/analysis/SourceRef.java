package dev.vis.analysis;

import java.util.Optional;

/**
 * A source a provider returned in its own fields, before attribution.
 *
 * @param url the URL as returned
 * @param title the title, when given (for Gemini grounding redirects it carries the real domain)
 * @param kind cited or only retrieved
 */
public record SourceRef(String url, Optional<String> title, CitationKind kind) {}
