package dev.vis.analysis;

import java.util.Optional;

/**
 * How many answers cite a domain.
 *
 * @param domain normalised domain
 * @param brand the brand owning it, when one does
 * @param answers answers citing it (kind cited), each counted once
 */
public record DomainCount(String domain, Optional<String> brand, long answers) {}
