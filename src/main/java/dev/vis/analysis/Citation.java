package dev.vis.analysis;

import java.util.Optional;

/**
 * One distinct source of one answer.
 *
 * @param url the URL, {@code utm_*} parameters and fragment dropped
 * @param domain lower-case host without {@code www.}
 * @param brand the brand owning the domain, when one does
 * @param kind cited or only retrieved
 */
public record Citation(String url, String domain, Optional<String> brand, CitationKind kind) {}
