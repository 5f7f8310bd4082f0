package dev.vis.provider;

import java.util.regex.Pattern;

/**
 * A brand term as a whole-word pattern (a space matches any whitespace), used by {@code sim} to
 * keep brands it did not choose out of an answer.
 */
final class TermPattern {
  private TermPattern() {}

  static Pattern of(String term, boolean caseSensitive) {
    StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
    String[] words = term.strip().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        regex.append("[\\s\\u00A0]+");
      }
      regex.append(Pattern.quote(words[i]));
    }
    regex.append("(?![\\p{L}\\p{N}])");
    int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    return Pattern.compile(regex.toString(), flags);
  }
}
