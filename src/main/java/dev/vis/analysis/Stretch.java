package dev.vis.analysis;

/**
 * A stretch of the text view that names one brand.
 *
 * @param brand index of the brand in spec order
 * @param start index of its first char in the view
 * @param end index after its last char in the view
 * @param rule the rule that matched it
 */
record Stretch(int brand, int start, int end, MatchRule rule) {
  int length() {
    return end - start;
  }

  boolean overlaps(Stretch other) {
    return start < other.end && other.start < end;
  }
}
