package dev.vis.report;

/**
 * Makes text from specs and models safe inside a markdown line or table cell: it can neither end a
 * cell, open HTML, start code or emphasis, nor break the line.
 */
final class MarkdownText {
  private MarkdownText() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\', '|', '`', '*', '[', ']', '~' -> out.append('\\').append(c);
        case '_' -> {
          // snake_case ids stay readable; an underscore that could open emphasis is escaped
          if (wordChar(text, i - 1) && wordChar(text, i + 1)) {
            out.append(c);
          } else {
            out.append("\\_");
          }
        }
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\r' -> {
          out.append(' ');
          if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
        }
        default -> out.append(Character.isISOControl(c) ? ' ' : c);
      }
    }
    return out.toString();
  }

  private static boolean wordChar(String text, int i) {
    return i >= 0 && i < text.length() && Character.isLetterOrDigit(text.charAt(i));
  }
}
