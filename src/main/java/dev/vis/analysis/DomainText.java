package dev.vis.analysis;

/**
 * A brand's domain written in prose without a scheme: the host may carry more labels in front
 * ({@code www.}, {@code docs.}) and a path behind ({@code /pricing}), and must not be part of a
 * longer host ({@code my-acme.com}, {@code acme.com.au}) or an e-mail address.
 */
final class DomainText {
  private DomainText() {}

  /**
   * The domain hit {@code [start, end)} of the view's chars, widened over the host's other labels
   * and its path; null when the text there is another host.
   */
  static Stretch widen(char[] chars, int length, Stretch hit) {
    int start = hit.start();
    while (start >= 2 && chars[start - 1] == '.' && isHostChar(chars[start - 2])) {
      int label = start - 2;
      while (label > 0 && isHostChar(chars[label - 1])) {
        label--;
      }
      start = label;
    }
    if (start > 0 && (isHostChar(chars[start - 1]) || ".@".indexOf(chars[start - 1]) >= 0)) {
      return null;
    }
    int end = hit.end();
    if (end < length && (chars[end] == '-' || chars[end] == '@')) {
      return null;
    }
    if (end + 1 < length && chars[end] == '.' && isHostChar(chars[end + 1])) {
      return null;
    }
    if (end < length && chars[end] == '/') {
      end = UrlScanner.urlEnd(java.nio.CharBuffer.wrap(chars, 0, length), start, end);
    }
    return new Stretch(hit.brand(), start, end, MatchRule.DOMAIN);
  }

  private static boolean isHostChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  }
}
