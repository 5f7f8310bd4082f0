package dev.vis.analysis;

/**
 * Whether a character beside a match glues it into a longer word: letters and digits do, except
 * beside or inside scripts written without spaces between words ({@code 推荐Acme CRM}).
 */
final class WordBoundary {
  private WordBoundary() {}

  /** Whether {@code neighbour}, touching the match's {@code edge} character, joins them. */
  static boolean joins(int neighbour, int edge) {
    return isSpacedWordChar(neighbour) && !isUnspacedLetter(edge);
  }

  private static boolean isSpacedWordChar(int c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return Character.isLetterOrDigit(c) && !isUnspacedLetter(c);
  }

  /**
   * Letters of scripts that do not put spaces between words. Hangul does, but Korean attaches
   * particles straight to a name ({@code Acme를}), so it behaves the same beside a brand.
   */
  static boolean isUnspacedLetter(int c) {
    if (c < 0x0E00) {
      return false;
    }
    return switch (Character.UnicodeScript.of(c)) {
      case HAN, HIRAGANA, KATAKANA, BOPOMOFO, YI, THAI, LAO, KHMER, MYANMAR, TIBETAN, HANGUL ->
          true;
      default -> false;
    };
  }
}
