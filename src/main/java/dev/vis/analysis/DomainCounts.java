package dev.vis.analysis;

import java.util.Optional;

/**
 * How many answers to one prompt with one grounding cite a domain (kind cited), each answer once.
 *
 * @param prompt the prompt's index in the run's spec
 * @param grounded whether a web search ran for these answers
 * @param domain the normalised domain
 * @param brand the brand owning it, when one does
 * @param answers answers citing it
 */
public record DomainCounts(
    int prompt, boolean grounded, String domain, Optional<String> brand, long answers) {}
