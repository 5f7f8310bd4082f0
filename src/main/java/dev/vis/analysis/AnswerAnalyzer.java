package dev.vis.analysis;

import dev.vis.spec.BrandSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Finds which tracked brands an answer names, in what order and where, and which sources it has
 * (SPEC §6).
 *
 * <p>Immutable and thread-safe: build one per set of brand rules and share it between threads.
 * Every matcher is compiled in the constructor; {@link #analyze} scans the text in linear time.
 */
public final class AnswerAnalyzer {
  private final List<String> brandNames;
  private final BrandMatcher matcher;
  private final CitationCollector citations;

  /** Compiles the brands' terms, exclude phrases and domains. */
  public AnswerAnalyzer(List<BrandSpec> brands) {
    List<BrandSpec> copy = List.copyOf(brands);
    this.brandNames = copy.stream().map(BrandSpec::name).toList();
    this.matcher = new BrandMatcher(copy);
    this.citations = new CitationCollector(copy);
  }

  /**
   * Analyses one answer.
   *
   * @param text the answer text; offsets in the result count its code points
   * @param providerSources sources the provider returned in its own fields
   * @return mentions ordered by position, citations in order of first appearance
   */
  public AnswerAnalysis analyze(String text, List<SourceRef> providerSources) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(providerSources, "providerSources");
    List<UrlSpan> links = UrlScanner.find(text);
    TextView view = TextView.of(text, links);
    List<Mention> mentions = mentions(text, view, matcher.stretches(view));
    List<String> urls = new ArrayList<>();
    for (UrlSpan link : links) {
      if (link.web()) {
        urls.add(text.substring(link.start(), link.end()));
      }
    }
    return new AnswerAnalysis(mentions, citations.collect(urls, providerSources));
  }

  private List<Mention> mentions(String text, TextView view, List<Stretch> stretches) {
    if (stretches.isEmpty()) {
      return List.of();
    }
    int[] counts = new int[brandNames.size()];
    int[] first = new int[brandNames.size()];
    Arrays.fill(first, -1);
    List<Integer> named = new ArrayList<>();
    // Stretches come ordered by start, so brands are named in order of position.
    for (Stretch stretch : stretches) {
      int brand = stretch.brand();
      if (counts[brand]++ == 0) {
        first[brand] = view.origin(stretch.start());
        named.add(brand);
      }
    }
    ListRanks ranks = ListRanks.of(text, first[named.get(named.size() - 1)]);
    List<Mention> mentions = new ArrayList<>(named.size());
    for (int brand : named) {
      OptionalInt rank = ranks.rankAt(first[brand]);
      mentions.add(
          new Mention(
              brandNames.get(brand), counts[brand], mentions.size() + 1, rank, first[brand]));
    }
    return mentions;
  }
}
