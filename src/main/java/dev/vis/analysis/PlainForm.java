package dev.vis.analysis;

import java.text.Normalizer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plain form matching compares a character in: NFKC, with curly quotes and dashes made
 * straight, invisible characters dropped, and symbols such as {@code ™} kept as they are.
 *
 * <p>Thread-safe: the only state is a cache of pure results.
 */
final class PlainForm {
  // Pure results per code point: filling them from several threads at once is harmless (a String
  // is safe to publish through a race). The BMP has an array, answers hit it for every char
  // outside ASCII; the rare code points beyond it share a map.
  private static final String[] BMP = new String[0x10000];
  private static final ConcurrentHashMap<Integer, String> ASTRAL = new ConcurrentHashMap<>();

  private PlainForm() {}

  /** The plain form of one code point outside ASCII; a single space for any kind of space. */
  static String of(int codePoint) {
    if (codePoint < BMP.length) {
      String cached = BMP[codePoint];
      if (cached == null) {
        cached = compute(codePoint);
        BMP[codePoint] = cached;
      }
      return cached;
    }
    return ASTRAL.computeIfAbsent(codePoint, PlainForm::compute);
  }

  /** The plain form of a base character followed by combining marks. */
  static String ofCluster(String cluster) {
    return Normalizer.normalize(cluster, Normalizer.Form.NFKC);
  }

  static boolean isSpace(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }

  static boolean isMark(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /**
   * Simple case folding of one UTF-16 char, keeping it one char (text and terms fold alike, so the
   * few cased letters outside the BMP simply compare as written).
   */
  static char fold(char c) {
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  private static String compute(int codePoint) {
    if (isSpace(codePoint)) {
      return " ";
    }
    switch (codePoint) {
      case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC -> {
        return "'";
      }
      case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033 -> {
        return "\"";
      }
      case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D -> {
        return "-";
      }
      case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF -> {
        return "";
      }
      default -> {
        String original = Character.toString(codePoint);
        // NFKC would turn ™ into "TM" and glue it to the brand before it.
        if (Character.getType(codePoint) == Character.OTHER_SYMBOL) {
          return original;
        }
        return Normalizer.normalize(original, Normalizer.Form.NFKC);
      }
    }
  }
}
