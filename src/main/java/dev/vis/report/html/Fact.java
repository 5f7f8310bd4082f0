package dev.vis.report.html;

/**
 * One line of the run's facts, or one definition.
 *
 * @param label what it is
 * @param value what it says
 */
public record Fact(String label, String value) {}
