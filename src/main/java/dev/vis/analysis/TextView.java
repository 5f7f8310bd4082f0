package dev.vis.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Answer text as matching sees it: in plain form, runs of whitespace as one space, each link as one
 * {@link #HIDDEN} char, each char mapped back to the code point of the original text it came from,
 * and folded copies of the chars for case-insensitive terms. Built and read by one thread.
 */
final class TextView {
  /** Stands for a link: neither a letter nor a digit, and in no term. */
  static final char HIDDEN = '\u0000';

  /** ASCII chars in plain form: every whitespace char a space. */
  private static final char[] ASCII_PLAIN = new char[0x80];

  /** ASCII chars in plain form, folded for case (and so for accents: ASCII has none). */
  private static final char[] ASCII_FOLDED = new char[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_PLAIN[c] = c;
    }
    for (char c : new char[] {'\t', '\n', '\r', '\f', 0x0B}) {
      ASCII_PLAIN[c] = ' ';
    }
    for (char c = 0; c < 0x80; c++) {
      ASCII_FOLDED[c] = PlainForm.fold(ASCII_PLAIN[c]);
    }
  }

  /** The text, with a char past its end that no combining mark equals. */
  private final char[] source;

  private char[] chars;
  private int[] origin;
  private int length;
  private int codePoints;
  private char[] caseFolded;
  private boolean caseFoldedRead;
  private char[] accentFolded;
  private boolean accentFoldedRead;

  private TextView(int capacity) {
    source = new char[capacity];
    chars = new char[capacity];
    origin = new int[capacity];
  }

  /** The view of answer text, with the given spans (ordered, disjoint) hidden. */
  static TextView of(String text, List<UrlSpan> hidden) {
    return of(text, hidden, false);
  }

  /**
   * The view of answer text, with the given spans (ordered, disjoint) hidden.
   *
   * @param foldAccents whether to make the accent-folded copy at once, in the same pass
   */
  static TextView of(String text, List<UrlSpan> hidden, boolean foldAccents) {
    return new TextView(text.length() + 16).read(text, hidden, foldAccents);
  }

  private TextView read(String text, List<UrlSpan> hidden, boolean foldAccents) {
    int n = text.length();
    accentFoldedRead = foldAccents;
    if (foldAccents) {
      accentFolded = new char[chars.length];
    }
    text.getChars(0, n, source, 0);
    // Locals, not fields, in the loop: most answers are mostly ASCII and this is the hot path.
    char[] src = source;
    char[] chars = this.chars;
    int[] origin = this.origin;
    char[] folded = foldAccents ? accentFolded : null;
    int length = 0;
    int codePoints = 0;
    int next = 0;
    int nextStart = hidden.isEmpty() ? -1 : hidden.get(0).start();
    int i = 0;
    while (i < n) {
      char c = src[i];
      if (c < 0x80 && src[i + 1] < 0x300 && i != nextStart) {
        if (length == chars.length) {
          this.length = length;
          grow();
          chars = this.chars;
          origin = this.origin;
          folded = foldAccents ? accentFolded : null;
        }
        char plain = ASCII_PLAIN[c];
        chars[length] = plain;
        origin[length] = codePoints;
        if (folded != null) {
          folded[length] = ASCII_FOLDED[c];
        }
        if (plain != ' ' || length == 0 || chars[length - 1] != ' ') {
          length++;
        }
        i++;
        codePoints++;
        continue;
      }
      this.length = length;
      if (i == nextStart) {
        int end = hidden.get(next++).end();
        nextStart = next < hidden.size() ? hidden.get(next).start() : -1;
        append(HIDDEN, codePoints);
        codePoints += Character.codePointCount(src, i, end - i);
        i = end;
      } else {
        int codePoint = Character.codePointAt(src, i, n);
        int end = i + Character.charCount(codePoint);
        int clustered = 1;
        while (end < n && PlainForm.isMark(Character.codePointAt(src, end, n))) {
          end += Character.charCount(Character.codePointAt(src, end, n));
          clustered++;
        }
        String plain =
            clustered == 1 ? PlainForm.of(codePoint) : PlainForm.ofCluster(text.substring(i, end));
        appendPlain(plain, codePoints);
        i = end;
        codePoints += clustered;
      }
      length = this.length;
      chars = this.chars;
      origin = this.origin;
      folded = foldAccents ? accentFolded : null;
    }
    this.length = length;
    this.codePoints = codePoints;
    return this;
  }

  int length() {
    return length;
  }

  /** The view's chars; only the first {@link #length()} count. */
  char[] chars() {
    return chars;
  }

  /** The code point offset in the original text of the char at {@code index}. */
  int origin(int index) {
    return origin[index];
  }

  /** The code point offset in the original text where the view's chars before {@code end} end. */
  int originEnd(int end) {
    return end < length ? origin[end] : codePoints;
  }

  /** The chars with simple case folding, made on first use; only the first {@link #length()}. */
  char[] caseFolded() {
    if (!caseFoldedRead) {
      caseFolded = new char[length];
      for (int i = 0; i < length; i++) {
        caseFolded[i] = PlainForm.fold(chars[i]);
      }
      caseFoldedRead = true;
    }
    return caseFolded;
  }

  /** The chars folded for case and accents, made on first use; only the first {@link #length()}. */
  char[] accentFolded() {
    if (!accentFoldedRead) {
      accentFolded = new char[length];
      for (int i = 0; i < length; i++) {
        accentFolded[i] = foldAccents(chars[i]);
      }
      accentFoldedRead = true;
    }
    return accentFolded;
  }

  private static char foldAccents(char c) {
    return c < 0x80 ? ASCII_FOLDED[c] : AccentFold.fold(PlainForm.fold(c));
  }

  private void appendPlain(String plain, int from) {
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (PlainForm.isSpace(c)) {
        if (length == 0 || chars[length - 1] != ' ') {
          append(' ', from);
        }
      } else {
        append(c, from);
      }
    }
  }

  private void append(char c, int from) {
    if (length == chars.length) {
      grow();
    }
    chars[length] = c;
    if (accentFoldedRead) {
      accentFolded[length] = foldAccents(c);
    }
    origin[length++] = from;
  }

  private void grow() {
    int capacity = chars.length * 2;
    chars = Arrays.copyOf(chars, capacity);
    origin = Arrays.copyOf(origin, capacity);
    if (accentFoldedRead) {
      accentFolded = Arrays.copyOf(accentFolded, capacity);
    }
  }
}
