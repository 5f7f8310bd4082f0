package dev.vis.analysis;

/**
 * One line of markdown as list ranking reads it.
 *
 * @param kind what the line is
 * @param indent columns of leading whitespace (a tab reaches the next multiple of 4)
 * @param number the item's number (numbered items and headings), else 0
 * @param marker the bullet char or the number's delimiter ({@code .} or {@code )}), else 0
 * @param level a heading's level (1 for {@code #}), else 0
 * @param content where a plain heading's text starts, past emphasis and a link's bracket, else 0
 */
record ListLine(Kind kind, int indent, int number, char marker, int level, int content) {
  /** The kinds of line that matter to list ranking. */
  enum Kind {
    BLANK,
    BULLET,
    NUMBERED,
    NUMBERED_HEADING,
    /** A heading without a number: an item only in a run of headings that name brands. */
    HEADING,
    /** A paragraph, table row or rule. */
    OTHER
  }

  private static final int MAX_DIGITS = 9;

  /** Blank and other lines by indent: most lines are one or the other, and need no new record. */
  private static final ListLine[] BLANKS = new ListLine[16];

  private static final ListLine[] OTHERS = new ListLine[16];

  static {
    for (int indent = 0; indent < OTHERS.length; indent++) {
      BLANKS[indent] = new ListLine(Kind.BLANK, indent, 0, '\0', 0, 0);
      OTHERS[indent] = new ListLine(Kind.OTHER, indent, 0, '\0', 0, 0);
    }
  }

  /** Reads the line {@code text[start, end)}, its line break excluded. */
  static ListLine parse(String text, int start, int end) {
    Line line = new Line(text, end);
    int indent = 0;
    int p = start;
    while (p < end && line.isSpace(p)) {
      indent = line.at(p) == '\t' ? (indent / 4 + 1) * 4 : indent + 1;
      p++;
    }
    if (line.isBlankFrom(p)) {
      return indent < BLANKS.length
          ? BLANKS[indent]
          : new ListLine(Kind.BLANK, indent, 0, '\0', 0, 0);
    }
    char first = line.at(p);
    if (first == '|' || isRule(line, p)) {
      return other(indent);
    }
    if (first == '#') {
      return heading(line, p, indent);
    }
    if ((first == '-' || first == '*' || first == '•') && line.spaceOrEnd(p + 1)) {
      return new ListLine(Kind.BULLET, indent, 0, first, 0, 0);
    }
    int afterEmphasis = skipEmphasis(line, p);
    ListLine numbered = numbered(line, afterEmphasis, afterEmphasis > p, indent, Kind.NUMBERED, 0);
    return numbered == null ? other(indent) : numbered;
  }

  private static ListLine heading(Line line, int p, int indent) {
    int q = p;
    while (q < line.end() && line.at(q) == '#') {
      q++;
    }
    int level = q - p;
    if (level > 6 || !line.spaceOrEnd(q)) {
      return other(indent);
    }
    while (q < line.end() && line.isSpace(q)) {
      q++;
    }
    int afterEmphasis = skipEmphasis(line, q);
    ListLine numbered =
        numbered(line, afterEmphasis, afterEmphasis > q, indent, Kind.NUMBERED_HEADING, level);
    if (numbered != null) {
      return numbered;
    }
    int content =
        afterEmphasis < line.end() && line.at(afterEmphasis) == '['
            ? afterEmphasis + 1
            : afterEmphasis;
    return new ListLine(Kind.HEADING, indent, 0, '\0', level, skipEmphasis(line, content));
  }

  /** {@code 12.} or {@code 12)}, then a space or the end, maybe after closing emphasis. */
  private static ListLine numbered(
      Line line, int p, boolean emphasised, int indent, Kind kind, int level) {
    int q = p;
    while (q < line.end() && q - p <= MAX_DIGITS && isDigit(line.at(q))) {
      q++;
    }
    int digits = q - p;
    if (digits == 0 || digits > MAX_DIGITS || q == line.end()) {
      return null;
    }
    char delimiter = line.at(q);
    if (delimiter != '.' && delimiter != ')') {
      return null;
    }
    int after = emphasised ? skipEmphasis(line, q + 1) : q + 1;
    if (!line.spaceOrEnd(after)) {
      return null;
    }
    return new ListLine(kind, indent, Integer.parseInt(line.text(), p, q, 10), delimiter, level, 0);
  }

  private static boolean isRule(Line line, int p) {
    char c = line.at(p);
    if (c != '-' && c != '*' && c != '_') {
      return false;
    }
    int count = 0;
    for (int i = p; i < line.end(); i++) {
      if (line.at(i) == c) {
        count++;
      } else if (!line.isSpace(i)) {
        return false;
      }
    }
    return count >= 3;
  }

  private static int skipEmphasis(Line line, int p) {
    int q = p;
    while (q < line.end() && q - p < 3 && (line.at(q) == '*' || line.at(q) == '_')) {
      q++;
    }
    return q;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static ListLine other(int indent) {
    return indent < OTHERS.length
        ? OTHERS[indent]
        : new ListLine(Kind.OTHER, indent, 0, '\0', 0, 0);
  }

  /** A line read in place inside the answer text, ending before {@code end}. */
  private record Line(String text, int end) {
    char at(int i) {
      return text.charAt(i);
    }

    boolean isSpace(int i) {
      char c = text.charAt(i);
      return c == ' ' || c == '\t';
    }

    boolean spaceOrEnd(int i) {
      return i == end || isSpace(i);
    }

    boolean isBlankFrom(int i) {
      for (int j = i; j < end; j++) {
        if (!Character.isWhitespace(text.charAt(j))) {
          return false;
        }
      }
      return true;
    }
  }
}
