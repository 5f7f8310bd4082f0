package dev.vis.analysis;

/**
 * One line of markdown as list ranking reads it.
 *
 * @param kind what the line is
 * @param indent columns of leading whitespace (a tab reaches the next multiple of 4)
 * @param number the item's number (numbered items and headings), else 0
 * @param marker the bullet char or the number's delimiter ({@code .} or {@code )}), else 0
 */
record ListLine(Kind kind, int indent, int number, char marker) {
  /** The kinds of line that matter to list ranking. */
  enum Kind {
    BLANK,
    BULLET,
    NUMBERED,
    NUMBERED_HEADING,
    /** A paragraph, heading, table row or rule. */
    OTHER
  }

  private static final int MAX_DIGITS = 9;

  /** Reads a line without its line break. */
  static ListLine parse(String line) {
    int indent = 0;
    int p = 0;
    while (p < line.length() && (line.charAt(p) == ' ' || line.charAt(p) == '\t')) {
      indent = line.charAt(p) == '\t' ? (indent / 4 + 1) * 4 : indent + 1;
      p++;
    }
    if (p == line.length() || line.isBlank()) {
      return new ListLine(Kind.BLANK, indent, 0, '\0');
    }
    char first = line.charAt(p);
    if (first == '|' || isRule(line, p)) {
      return other(indent);
    }
    if (first == '#') {
      return heading(line, p, indent);
    }
    if ((first == '-' || first == '*' || first == '•') && spaceOrEnd(line, p + 1)) {
      return new ListLine(Kind.BULLET, indent, 0, first);
    }
    int afterEmphasis = skipEmphasis(line, p);
    ListLine numbered = numbered(line, afterEmphasis, afterEmphasis > p, indent, Kind.NUMBERED);
    return numbered == null ? other(indent) : numbered;
  }

  private static ListLine heading(String line, int p, int indent) {
    int hashes = 0;
    while (p + hashes < line.length() && line.charAt(p + hashes) == '#') {
      hashes++;
    }
    if (hashes > 6 || !spaceOrEnd(line, p + hashes)) {
      return other(indent);
    }
    int q = p + hashes;
    while (q < line.length() && (line.charAt(q) == ' ' || line.charAt(q) == '\t')) {
      q++;
    }
    int afterEmphasis = skipEmphasis(line, q);
    ListLine numbered =
        numbered(line, afterEmphasis, afterEmphasis > q, indent, Kind.NUMBERED_HEADING);
    return numbered == null ? other(indent) : numbered;
  }

  /** {@code 12.} or {@code 12)}, then a space or the end, maybe after closing emphasis. */
  private static ListLine numbered(
      String line, int p, boolean emphasised, int indent, Kind kind) {
    int q = p;
    while (q < line.length() && q - p < MAX_DIGITS + 1 && isDigit(line.charAt(q))) {
      q++;
    }
    int digits = q - p;
    if (digits == 0 || digits > MAX_DIGITS || q == line.length()) {
      return null;
    }
    char delimiter = line.charAt(q);
    if (delimiter != '.' && delimiter != ')') {
      return null;
    }
    int after = q + 1;
    if (emphasised) {
      after = skipEmphasis(line, after);
    }
    if (!spaceOrEnd(line, after)) {
      return null;
    }
    return new ListLine(kind, indent, Integer.parseInt(line, p, q, 10), delimiter);
  }

  private static boolean isRule(String line, int p) {
    char c = line.charAt(p);
    if (c != '-' && c != '*' && c != '_') {
      return false;
    }
    int count = 0;
    for (int i = p; i < line.length(); i++) {
      char d = line.charAt(i);
      if (d == c) {
        count++;
      } else if (d != ' ' && d != '\t') {
        return false;
      }
    }
    return count >= 3;
  }

  private static int skipEmphasis(String line, int p) {
    int q = p;
    while (q < line.length() && q - p < 3 && (line.charAt(q) == '*' || line.charAt(q) == '_')) {
      q++;
    }
    return q;
  }

  private static boolean spaceOrEnd(String line, int p) {
    return p == line.length() || line.charAt(p) == ' ' || line.charAt(p) == '\t';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static ListLine other(int indent) {
    return new ListLine(Kind.OTHER, indent, 0, '\0');
  }
}
