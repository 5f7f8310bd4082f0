package dev.vis.analysis;

/**
 * A stretch of answer text that is a link or a citation chip, not prose.
 *
 * @param start index of the first char
 * @param end index after the last char
 * @param kind what it is
 */
record UrlSpan(int start, int end, Kind kind) {
  /** What a hidden stretch is. */
  enum Kind {
    /** An {@code http(s)} URL, bare or a link target: a citation. */
    URL,
    /** A link target that is no web URL ({@code /guide}, {@code mailto:}). */
    TARGET,
    /** A citation chip: a source marker, never text. */
    CHIP
  }

  /** Whether it is an {@code http(s)} URL, and so a citation. */
  boolean web() {
    return kind == Kind.URL;
  }

  boolean contains(UrlSpan other) {
    return start <= other.start && other.end <= end;
  }
}
