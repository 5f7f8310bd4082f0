package dev.vis.analysis;

import java.text.Normalizer;

/**
 * Accent folding of one UTF-16 char: a Latin, Greek or Cyrillic letter loses the marks its
 * canonical decomposition adds ({@code é} → {@code e}, {@code ё} → {@code е}, {@code ά} → {@code
 * α}), and a few letters with a stroke lose it ({@code ł}, {@code ø}, {@code đ}, {@code ħ}).
 * Letters of other scripts keep their marks, so kana voicing marks and Arabic hamza stay
 * significant.
 *
 * <p>Thread-safe: the table is built once, when first used.
 */
final class AccentFold {
  /** Latin, Greek and Cyrillic letters with marks all lie below this char. */
  private static final int LIMIT = 0x2000;

  /** Letters whose stroke is no canonical mark, and the letters without it. */
  private static final String STROKED = "łŁøØđĐħĦ";

  private static final String UNSTROKED = "lLoOdDhH";

  private static final char[] TABLE = build();

  private AccentFold() {}

  /** The char without its accents; itself when it has none or is not folded. */
  static char fold(char c) {
    return c < LIMIT ? TABLE[c] : c;
  }

  /** Whether a combining mark left in the text (no precomposed letter) is skipped when folding. */
  static boolean isFoldedMark(char c) {
    return c >= 0x0300 && c <= 0x036F;
  }

  private static char[] build() {
    char[] table = new char[LIMIT];
    for (char c = 0; c < LIMIT; c++) {
      table[c] = c < 0xC0 ? c : foldOne(c);
    }
    return table;
  }

  private static char foldOne(char c) {
    int stroke = STROKED.indexOf(c);
    if (stroke >= 0) {
      return UNSTROKED.charAt(stroke);
    }
    if (!Character.isLetter(c) || !isFoldedScript(c)) {
      return c;
    }
    String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    if (decomposed.length() < 2 || !isFoldedScript(decomposed.charAt(0))) {
      return c;
    }
    for (int i = 1; i < decomposed.length(); i++) {
      if (!PlainForm.isMark(decomposed.charAt(i))) {
        return c;
      }
    }
    return decomposed.charAt(0);
  }

  private static boolean isFoldedScript(char c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.LATIN
        || script == Character.UnicodeScript.GREEK
        || script == Character.UnicodeScript.CYRILLIC;
  }
}
