package dev.vis.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the reading of one answer into its explanation. The mentions are the reading's own
 * stretches; the look-alikes are the terms its exclude phrases suppressed and the terms the same
 * matcher finds in the links and chips the reading hid.
 */
final class Explainer {
  private Explainer() {}

  static AnswerExplanation explain(
      AnswerReading reading, BrandMatcher matcher, List<String> brandNames) {
    List<CountedStretch> counted = new ArrayList<>();
    List<Stretch> stretches = reading.found.stretches();
    for (int i = 0; i < stretches.size(); i++) {
      Stretch s = stretches.get(i);
      int offset = reading.starts[i];
      counted.add(
          new CountedStretch(
              brandNames.get(s.brand()),
              offset,
              reading.slice(offset, reading.view.originEnd(s.end())),
              s.rule(),
              reading.lists().listAt(offset),
              reading.lists().rankAt(offset)));
    }
    List<IgnoredStretch> ignored = new ArrayList<>();
    for (BrandMatcher.Excluded e : reading.found.excluded()) {
      int offset = reading.view.origin(e.term().start());
      int phrase = reading.view.origin(e.phrase().start());
      ignored.add(
          new IgnoredStretch(
              brandNames.get(e.term().brand()),
              offset,
              reading.slice(offset, reading.view.originEnd(e.term().end())),
              IgnoreReason.EXCLUDE,
              reading.slice(phrase, reading.view.originEnd(e.phrase().end()))));
    }
    if (!reading.hidden.isEmpty()) {
      hiddenLookAlikes(reading, matcher, brandNames, ignored);
    }
    ignored.sort(Comparator.comparingInt(IgnoredStretch::offset));
    return new AnswerExplanation(counted, ignored);
  }

  /** Terms inside links and chips: the same matcher over the text with nothing hidden. */
  private static void hiddenLookAlikes(
      AnswerReading reading,
      BrandMatcher matcher,
      List<String> brandNames,
      List<IgnoredStretch> ignored) {
    TextView open = TextView.of(reading.text, List.of());
    List<Span> spans = new ArrayList<>();
    for (UrlSpan span : reading.links) {
      spans.add(Span.of(reading.text, span));
    }
    for (UrlSpan span : reading.hidden) {
      if (span.kind() == UrlSpan.Kind.CHIP) {
        spans.add(Span.of(reading.text, span));
      }
    }
    for (Stretch s : matcher.stretches(open)) {
      int from = open.origin(s.start());
      int to = open.originEnd(s.end());
      // links come before chips, so a term in a chip's URL is a URL's
      spans.stream()
          .filter(span -> span.from() < to && from < span.to())
          .findFirst()
          .ifPresent(
              span ->
                  ignored.add(
                      new IgnoredStretch(
                          brandNames.get(s.brand()),
                          from,
                          reading.slice(from, to),
                          span.chip() ? IgnoreReason.CHIP : IgnoreReason.URL,
                          reading.slice(span.from(), span.to()))));
    }
  }

  /** A hidden span in code points of the answer text. */
  private record Span(int from, int to, boolean chip) {
    static Span of(String text, UrlSpan span) {
      int from = text.codePointCount(0, span.start());
      return new Span(
          from,
          from + text.codePointCount(span.start(), span.end()),
          span.kind() == UrlSpan.Kind.CHIP);
    }
  }
}
