package dev.vis.analysis;

import java.util.List;
import java.util.Locale;

/**
 * The lower-case first words of the tracked terms, looked for in lines ignoring case without
 * lower-casing each line into a new string. Read by one thread: it keeps one buffer.
 */
final class FirstWords {
  private final List<String> trackedWords;
  private char[] lower = new char[256];

  /** The words, each non-empty and in lower case. */
  FirstWords(List<String> words) {
    this.trackedWords = List.copyOf(words);
  }

  /**
   * Whether the line holds, ignoring case, one of the words: in its {@code
   * toLowerCase(Locale.ROOT)}, which is char by char {@link Character#toLowerCase(char)} but for
   * capital sigma, dotted capital I and surrogates, where the line is lower-cased as a string.
   */
  boolean foundIn(String line) {
    if (trackedWords.isEmpty()) {
      return false;
    }
    int n = line.length();
    if (lower.length < n) {
      lower = new char[Math.max(n, 2 * lower.length)];
    }
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (c == '\u03A3' || c == '\u0130' || Character.isSurrogate(c)) {
        String lowered = line.toLowerCase(Locale.ROOT);
        return trackedWords.stream().anyMatch(lowered::contains);
      }
      lower[i] = Character.toLowerCase(c);
    }
    for (String word : trackedWords) {
      if (holds(lower, n, word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean holds(char[] chars, int n, String word) {
    int w = word.length();
    char first = word.charAt(0);
    for (int i = 0; i + w <= n; i++) {
      if (chars[i] == first && matchesAt(chars, i, word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAt(char[] chars, int at, String word) {
    for (int k = 1; k < word.length(); k++) {
      if (chars[at + k] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
