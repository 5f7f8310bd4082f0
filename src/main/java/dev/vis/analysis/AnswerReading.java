package dev.vis.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * One answer as the analysis reads it: its links and chips, the text view that hides them, the
 * stretches naming brands and the lists they sit in. Built and read by one thread.
 */
final class AnswerReading {
  final String text;

  /** Every URL and link target, chips or not: the citations come from these. */
  final List<UrlSpan> links;

  /** The chips, and the links outside them: what the view hides. */
  final List<UrlSpan> hidden;

  final TextView view;
  final BrandMatcher.Found found;

  /** Code point offsets where the stretches start, ascending. */
  final int[] starts;

  /** Whether the text holds no surrogate pair: its char indices are its code point offsets. */
  private final boolean charsAreCodePoints;

  private ListRanks lists;

  private AnswerReading(String text, BrandMatcher matcher, boolean trace) {
    this.text = text;
    this.links = UrlScanner.find(text);
    this.hidden = hide(ChipScanner.find(text, links), links);
    this.view = TextView.of(text, hidden, matcher.foldsAccents());
    this.found = matcher.find(view, trace);
    List<Stretch> stretches = found.stretches();
    this.charsAreCodePoints = view.originEnd(view.length()) == text.length();
    this.starts = new int[stretches.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = view.origin(stretches.get(i).start());
    }
  }

  static AnswerReading of(String text, BrandMatcher matcher, boolean trace) {
    return new AnswerReading(text, matcher, trace);
  }

  /** The answer's lists, read on first use (an answer naming no brand needs none). */
  ListRanks lists() {
    if (lists == null) {
      lists = ListRanks.of(text, starts, charsAreCodePoints);
    }
    return lists;
  }

  /** The answer text between two code point offsets. */
  String slice(int from, int to) {
    if (charsAreCodePoints) {
      return text.substring(from, to);
    }
    int start = text.offsetByCodePoints(0, from);
    return text.substring(start, text.offsetByCodePoints(start, to - from));
  }

  /** Chips hide the links inside them; links elsewhere are hidden on their own. */
  private static List<UrlSpan> hide(List<UrlSpan> chips, List<UrlSpan> links) {
    if (chips.isEmpty()) {
      return links;
    }
    List<UrlSpan> hidden = new ArrayList<>(chips.size() + links.size());
    int c = 0;
    for (UrlSpan link : links) {
      while (c < chips.size() && chips.get(c).end() <= link.start()) {
        hidden.add(chips.get(c++));
      }
      boolean overlapsChip =
          c < chips.size()
              && chips.get(c).start() < link.end()
              && link.start() < chips.get(c).end();
      if (!overlapsChip) {
        hidden.add(link);
      }
    }
    while (c < chips.size()) {
      hidden.add(chips.get(c++));
    }
    return hidden;
  }
}
