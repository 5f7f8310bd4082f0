package dev.vis.analysis;

import java.util.List;

/**
 * A term in the form the matcher compares: plain form, spaces collapsed and trimmed, maybe folded
 * for case and accents, and the word {@code and} written {@code &} (the trie matches {@code &}
 * against either).
 */
final class TermForm {
  private TermForm() {}

  static String of(String raw, boolean foldCase, boolean foldAccents) {
    TextView view = TextView.of(raw, List.of());
    char[] chars = view.chars();
    int start = 0;
    int end = view.length();
    while (start < end && chars[start] == ' ') {
      start++;
    }
    while (end > start && chars[end - 1] == ' ') {
      end--;
    }
    StringBuilder term = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      if (isAndWord(chars, i, start, end)) {
        term.append('&');
        i += 2;
        continue;
      }
      char c = foldCase ? PlainForm.fold(chars[i]) : chars[i];
      term.append(foldAccents ? AccentFold.fold(c) : c);
    }
    return term.toString();
  }

  /** Whether {@code and} in any case stands at {@code i} as a word of its own. */
  static boolean isAndWord(char[] chars, int i, int from, int to) {
    return i + 3 <= to
        && (chars[i] | 0x20) == 'a'
        && (chars[i + 1] | 0x20) == 'n'
        && (chars[i + 2] | 0x20) == 'd'
        && (i == from || !Character.isLetterOrDigit(chars[i - 1]))
        && (i + 3 == to || !Character.isLetterOrDigit(chars[i + 3]));
  }
}
