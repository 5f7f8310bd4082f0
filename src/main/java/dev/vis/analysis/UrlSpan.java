package dev.vis.analysis;

/**
 * A stretch of answer text that is a link target, not prose.
 *
 * @param start index of the first char
 * @param end index after the last char
 * @param web whether it is an {@code http(s)} URL, and so a citation
 */
record UrlSpan(int start, int end, boolean web) {}
