package dev.vis.analysis;

/**
 * A name that answers present the way they present brands while the spec does not track it.
 *
 * @param name how the answers most often write it
 * @param answers the answers received that name it, matched on word boundaries like a tracked
 *     brand's name
 */
public record UntrackedBrand(String name, int answers) {}
