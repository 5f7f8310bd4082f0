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

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_PLAIN[c] = c;
    }
    for (char c : new char[] {'\t', '\n', '\r', '\f', 0x0B}) {
      ASCII_PLAIN[c] = ' ';
    }
  }

  private char[] chars;
  private int[] origin;
  private int length;
  private int codePoints;
  private char[] caseFolded;
  private char[] accentFolded;

  private TextView(int capacity) {
    chars = new char[capacity];
    origin = new int[capacity];
  }

  /** The view of answer text, with the given spans (ordered, disjoint) hidden. */
  static TextView of(String text, List<UrlSpan> hidden) {
    int n = text.length();
    TextView view = new TextView(n + 16);
    // Locals, not fields, in the loop: most answers are mostly ASCII and this is the hot path.
    char[] chars = view.chars;
    int[] origin = view.origin;
    int length = 0;
    int codePoints = 0;
    int next = 0;
    int nextStart = hidden.isEmpty() ? -1 : hidden.get(0).start();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      boolean plainAscii = c < 0x80 && (i + 1 == n || text.charAt(i + 1) < 0x300);
      if (plainAscii && i != nextStart) {
        if (length == chars.length) {
          view.length = length;
          view.grow();
          chars = view.chars;
          origin = view.origin;
        }
        char plain = ASCII_PLAIN[c];
        chars[length] = plain;
        origin[length] = codePoints;
        if (plain != ' ' || length == 0 || chars[length - 1] != ' ') {
          length++;
        }
        i++;
        codePoints++;
        continue;
      }
      view.length = length;
      if (i == nextStart) {
        int end = hidden.get(next++).end();
        nextStart = next < hidden.size() ? hidden.get(next).start() : -1;
        view.append(HIDDEN, codePoints);
        codePoints += text.codePointCount(i, end);
        i = end;
      } else {
        int codePoint = text.codePointAt(i);
        int end = i + Character.charCount(codePoint);
        int clustered = 1;
        while (end < n && PlainForm.isMark(text.codePointAt(end))) {
          end += Character.charCount(text.codePointAt(end));
          clustered++;
        }
        String plain =
            clustered == 1 ? PlainForm.of(codePoint) : PlainForm.ofCluster(text.substring(i, end));
        view.appendPlain(plain, codePoints);
        i = end;
        codePoints += clustered;
      }
      length = view.length;
      chars = view.chars;
      origin = view.origin;
    }
    view.length = length;
    view.codePoints = codePoints;
    return view;
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

  /** The chars with simple case folding, made on first use. */
  char[] caseFolded() {
    if (caseFolded == null) {
      caseFolded = new char[length];
      for (int i = 0; i < length; i++) {
        caseFolded[i] = PlainForm.fold(chars[i]);
      }
    }
    return caseFolded;
  }

  /** The chars folded for case and accents, made on first use. */
  char[] accentFolded() {
    if (accentFolded == null) {
      accentFolded = new char[length];
      for (int i = 0; i < length; i++) {
        char c = chars[i];
        accentFolded[i] =
            c < 0x80
                ? (c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c)
                : AccentFold.fold(PlainForm.fold(c));
      }
    }
    return accentFolded;
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
    origin[length++] = from;
  }

  private void grow() {
    int capacity = chars.length * 2;
    chars = Arrays.copyOf(chars, capacity);
    origin = Arrays.copyOf(origin, capacity);
  }
}
