package dev.vis.spec;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which two brands' terms are compared for a clash: two terms with one key could match
 * the same text in an answer (case and accents ignored, a space or hyphen matching nothing, {@code
 * &} matching {@code and}), so a stretch could not tell which brand it names.
 */
final class TermKey {
  private static final Pattern AND = Pattern.compile("(?<![\\p{L}\\p{N}])and(?![\\p{L}\\p{N}])");

  private TermKey() {}

  static String of(String term) {
    String lower = Normalizer.normalize(term, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String decomposed =
        Normalizer.normalize(AND.matcher(lower).replaceAll("&"), Normalizer.Form.NFD);
    StringBuilder key = new StringBuilder(decomposed.length());
    Character.UnicodeScript base = Character.UnicodeScript.COMMON;
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
      if (mark && isFoldedScript(base)) {
        continue;
      }
      if (!mark) {
        base = Character.UnicodeScript.of(c);
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || isDash(c)) {
        continue;
      }
      key.appendCodePoint(c);
    }
    return Normalizer.normalize(key, Normalizer.Form.NFC);
  }

  private static boolean isFoldedScript(Character.UnicodeScript script) {
    return script == Character.UnicodeScript.LATIN
        || script == Character.UnicodeScript.GREEK
        || script == Character.UnicodeScript.CYRILLIC;
  }

  private static boolean isDash(int c) {
    return c == '-' || Character.getType(c) == Character.DASH_PUNCTUATION;
  }
}
