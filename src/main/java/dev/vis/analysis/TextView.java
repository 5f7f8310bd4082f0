package dev.vis.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Answer text as matching sees it: in plain form, runs of whitespace as one space, each link as
 * one {@link #HIDDEN} char, in written case and folded case, each char mapped back to the code
 * point of the original text it came from.
 */
final class TextView {
  /** Stands for a link: neither a letter nor a digit, and in no term. */
  static final char HIDDEN = '\u0000';

  private char[] exact;
  private char[] folded;
  private int[] origin;
  private int length;

  private TextView(int capacity) {
    exact = new char[capacity];
    folded = new char[capacity];
    origin = new int[capacity];
  }

  /** The view of answer text, with the given spans (ordered, disjoint) hidden. */
  static TextView of(String text, List<UrlSpan> hidden) {
    TextView view = new TextView(text.length() + 16);
    int codePoints = 0;
    int next = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (next < hidden.size() && hidden.get(next).start() == i) {
        int end = hidden.get(next++).end();
        view.append(HIDDEN, HIDDEN, codePoints);
        codePoints += text.codePointCount(i, end);
        i = end;
        continue;
      }
      char c = text.charAt(i);
      if (c < 0x80 && (i + 1 == n || text.charAt(i + 1) < 0x300)) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0x0B) {
          view.space(codePoints);
        } else {
          view.append(c, (char) PlainForm.fold(c), codePoints);
        }
        i++;
        codePoints++;
        continue;
      }
      int codePoint = text.codePointAt(i);
      int end = i + Character.charCount(codePoint);
      int clustered = 1;
      while (end < n && PlainForm.isMark(text.codePointAt(end))) {
        end += Character.charCount(text.codePointAt(end));
        clustered++;
      }
      String plain =
          clustered == 1
              ? PlainForm.of(codePoint)
              : PlainForm.ofCluster(text.substring(i, end));
      view.appendPlain(plain, codePoints);
      i = end;
      codePoints += clustered;
    }
    return view;
  }

  /** A term in the form matching compares: plain, spaces collapsed and trimmed, maybe folded. */
  static String term(String raw, boolean fold) {
    TextView view = of(raw, List.of());
    int start = 0;
    int end = view.length;
    while (start < end && view.exact[start] == ' ') {
      start++;
    }
    while (end > start && view.exact[end - 1] == ' ') {
      end--;
    }
    return new String(fold ? view.folded : view.exact, start, end - start);
  }

  int length() {
    return length;
  }

  char[] exact() {
    return exact;
  }

  char[] folded() {
    return folded;
  }

  /** The code point offset in the original text of the char at {@code index}. */
  int origin(int index) {
    return origin[index];
  }

  private void appendPlain(String plain, int from) {
    for (int i = 0; i < plain.length(); ) {
      int codePoint = plain.codePointAt(i);
      i += Character.charCount(codePoint);
      if (PlainForm.isSpace(codePoint)) {
        space(from);
      } else if (Character.isBmpCodePoint(codePoint)) {
        append((char) codePoint, (char) PlainForm.fold(codePoint), from);
      } else {
        int fold = PlainForm.fold(codePoint);
        append(Character.highSurrogate(codePoint), Character.highSurrogate(fold), from);
        append(Character.lowSurrogate(codePoint), Character.lowSurrogate(fold), from);
      }
    }
  }

  private void space(int from) {
    if (length == 0 || exact[length - 1] != ' ') {
      append(' ', ' ', from);
    }
  }

  private void append(char written, char fold, int from) {
    if (length == exact.length) {
      int capacity = length * 2;
      exact = Arrays.copyOf(exact, capacity);
      folded = Arrays.copyOf(folded, capacity);
      origin = Arrays.copyOf(origin, capacity);
    }
    exact[length] = written;
    folded[length] = fold;
    origin[length] = from;
    length++;
  }
}
