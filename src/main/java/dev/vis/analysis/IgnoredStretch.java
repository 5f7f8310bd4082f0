package dev.vis.analysis;

/**
 * A stretch of an answer that looks like a brand but does not count.
 *
 * @param brand the brand it looks like
 * @param offset code points of the answer text before it
 * @param text the stretch as the answer wrote it
 * @param reason why it does not count
 * @param within the exclude phrase, URL or chip around it, as the answer wrote it
 */
public record IgnoredStretch(
    String brand, int offset, String text, IgnoreReason reason, String within) {}
