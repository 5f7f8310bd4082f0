package dev.vis.cli;

/**
 * Text from providers, specs and the command line made safe to show on a terminal: every control
 * character (C0, DEL, C1) and every bidirectional mark, override or isolate is shown as a
 * backslash, {@code u} and its four hex digits (ESC as {@code u001b} after the backslash), so a
 * message cannot clear the screen, move the cursor, ring the bell or reorder what the reader sees.
 * Only the terminal sees the escaped form: stored answers and JSONL keep the text as it came.
 */
final class TerminalText {
  private TerminalText() {}

  /** One line: line breaks and tabs are escaped too, so a value cannot forge a line of its own. */
  static String escape(String text) {
    return escape(text, false);
  }

  /** A message of several lines: line breaks and tabs stay, every other control is escaped. */
  static String lines(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean keepLines) {
    if (text == null) {
      return "null";
    }
    StringBuilder shown = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unsafe = isUnsafe(c) && !(keepLines && (c == '\n' || c == '\t'));
      if (unsafe && shown == null) {
        shown = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (shown != null) {
        if (unsafe) {
          shown.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
        } else {
          shown.append(c);
        }
      }
    }
    return shown == null ? text : shown.toString();
  }

  /** Whether a terminal would act on the character instead of showing it. */
  static boolean isUnsafe(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u061c' // Arabic letter mark
        || c == '\u200e' // left-to-right mark
        || c == '\u200f' // right-to-left mark
        || (c >= '\u202a' && c <= '\u202e') // embeddings and overrides
        || (c >= '\u2066' && c <= '\u2069'); // isolates
  }
}
