package dev.vis.cli;

/**
 * Makes text from models and specs safe to print on a terminal: control characters, line breaks and
 * bidirectional overrides are shown escaped ({@code \u001b}), everything else as written.
 */
final class TerminalText {
  private TerminalText() {}

  static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unsafe =
          Character.isISOControl(c)
              || (c >= 0x202A && c <= 0x202E)
              || (c >= 0x2066 && c <= 0x2069)
              || c == 0x200E
              || c == 0x200F;
      if (unsafe && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (unsafe) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
