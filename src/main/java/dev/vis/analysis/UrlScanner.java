package dev.vis.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Finds bare {@code http(s)://} URLs and markdown link targets in answer text. */
final class UrlScanner {
  private static final String STOPS = "<>\"`[]{}|^。，、；：！？（）【】「」《》『』";
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
      int end = mark + 3;
      while (end < text.length() && isUrlChar(text.charAt(end))) {
        end++;
      }
      end = trimTrailing(text, start, end);
      if (end > mark + 3) {
        spans.add(new UrlSpan(start, end, true));
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
        spans.add(new UrlSpan(start, end, false));
        from = end;
      }
    }
  }

  private static boolean isUrlChar(char c) {
    return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && STOPS.indexOf(c) < 0;
  }

  /** Punctuation that ends a sentence, and a closing parenthesis the URL never opened. */
  private static int trimTrailing(String text, int start, int end) {
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

  private static int count(String text, int start, int end, char wanted) {
    int n = 0;
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == wanted) {
        n++;
      }
    }
    return n;
  }
}
