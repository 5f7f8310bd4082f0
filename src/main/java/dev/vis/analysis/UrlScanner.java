package dev.vis.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds bare {@code http(s)://} URLs and markdown link targets in answer text. A bare URL ends at
 * whitespace, at {@code <>"`[]{}|^}, and at any char outside ASCII that is not a letter, digit or
 * mark: URLs cannot hold em and en dashes, CJK punctuation or full-width brackets.
 */
final class UrlScanner {
  private static final String STOPS = "<>\"`[]{}|^";
  private static final String TRAILING = ".,;:!?'\"*_~";

  private UrlScanner() {}

  /** Every link in the text, ordered by start, none overlapping. */
  static List<UrlSpan> find(String text) {
    List<UrlSpan> spans = new ArrayList<>();
    findBare(text, spans);
    findMarkdownTargets(text, spans);
    spans.sort(Comparator.comparingInt(UrlSpan::start));
    return spans;
  }

  private static void findBare(String text, List<UrlSpan> spans) {
    int from = 0;
    int mark;
    while ((mark = text.indexOf("://", from)) >= 0) {
      from = mark + 3;
      int start = schemeStart(text, mark);
      if (start < 0) {
        continue;
      }
      int end = urlEnd(text, start, mark + 3);
      if (end > mark + 3) {
        spans.add(new UrlSpan(start, end, UrlSpan.Kind.URL));
        from = end;
      }
    }
  }

  private static int schemeStart(String text, int mark) {
    if (mark >= 5 && text.regionMatches(true, mark - 5, "https", 0, 5)) {
      return mark - 5;
    }
    if (mark >= 4 && text.regionMatches(true, mark - 4, "http", 0, 4)) {
      return mark - 4;
    }
    return -1;
  }

  /** Targets that are not web URLs ({@code [docs](/guide)}) are still not prose. */
  private static void findMarkdownTargets(String text, List<UrlSpan> spans) {
    int from = 0;
    int mark;
    while ((mark = text.indexOf("](", from)) >= 0) {
      int start = mark + 2;
      from = start;
      if (start < text.length() && text.charAt(start) == '<') {
        start++;
      }
      if (text.regionMatches(true, start, "http://", 0, 7)
          || text.regionMatches(true, start, "https://", 0, 8)) {
        continue;
      }
      int end = start;
      while (end < text.length()) {
        char c = text.charAt(end);
        if (c == ')' || c == '>' || Character.isWhitespace(c)) {
          break;
        }
        end++;
      }
      if (end > start) {
        spans.add(new UrlSpan(start, end, UrlSpan.Kind.TARGET));
        from = end;
      }
    }
  }

  /**
   * Where the URL that begins at {@code start} ends, reading on from {@code from}: at the first
   * char a URL cannot hold, less trailing punctuation.
   */
  static int urlEnd(CharSequence text, int start, int from) {
    int end = from;
    while (end < text.length()) {
      int c = Character.codePointAt(text, end);
      if (!isUrlChar(c)) {
        break;
      }
      end += Character.charCount(c);
    }
    return trimTrailing(text, start, end);
  }

  private static boolean isUrlChar(int c) {
    if (c < 0x80) {
      return c > ' ' && c != 0x7F && STOPS.indexOf(c) < 0;
    }
    return Character.isLetterOrDigit(c) || PlainForm.isMark(c);
  }

  /** Punctuation that ends a sentence, and a closing parenthesis the URL never opened. */
  private static int trimTrailing(CharSequence text, int start, int end) {
    while (end > start) {
      char last = text.charAt(end - 1);
      if (TRAILING.indexOf(last) >= 0) {
        end--;
      } else if (last == ')' && count(text, start, end, '(') < count(text, start, end, ')')) {
        end--;
      } else {
        return end;
      }
    }
    return end;
  }

  private static int count(CharSequence text, int start, int end, char wanted) {
    int n = 0;
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == wanted) {
        n++;
      }
    }
    return n;
  }
}
