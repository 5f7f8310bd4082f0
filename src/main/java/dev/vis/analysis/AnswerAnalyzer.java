package dev.vis.analysis;

import dev.vis.spec.BrandSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Finds which tracked brands an answer names, in what order, where and by which rule, which lists
 * they sit in, and which sources the answer has (SPEC §6); and explains what it found, stretch by
 * stretch, through the same reading.
 *
 * <p>Immutable and thread-safe: build one per set of brand rules and share it between threads.
 * Every matcher is compiled in the constructor; {@link #analyze} reads the text in linear time.
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
    AnswerReading reading = AnswerReading.of(text, matcher, false);
    return new AnswerAnalysis(mentions(reading), citations(reading, providerSources));
  }

  /**
   * Explains one answer: every stretch that counts, with its rule, list and rank, and every
   * look-alike that does not, with the reason.
   *
   * @param text the answer text; offsets in the result count its code points
   */
  public AnswerExplanation explain(String text) {
    Objects.requireNonNull(text, "text");
    return Explainer.explain(AnswerReading.of(text, matcher, true), matcher, brandNames);
  }

  private List<Mention> mentions(AnswerReading reading) {
    List<Stretch> stretches = reading.found.stretches();
    if (stretches.isEmpty()) {
      return List.of();
    }
    int[] counts = new int[brandNames.size()];
    int[] first = new int[brandNames.size()];
    Arrays.fill(first, -1);
    List<Stretch> named = new ArrayList<>();
    // Stretches come ordered by start, so brands are named in order of position.
    for (int i = 0; i < stretches.size(); i++) {
      Stretch stretch = stretches.get(i);
      int brand = stretch.brand();
      if (counts[brand]++ == 0) {
        first[brand] = reading.starts[i];
        named.add(stretch);
      }
    }
    ListRanks lists = reading.lists();
    List<Mention> mentions = new ArrayList<>(named.size());
    for (Stretch stretch : named) {
      int brand = stretch.brand();
      int offset = first[brand];
      mentions.add(
          new Mention(
              brandNames.get(brand),
              counts[brand],
              mentions.size() + 1,
              lists.rankAt(offset),
              offset,
              lists.listAt(offset),
              stretch.rule()));
    }
    return mentions;
  }

  private List<Citation> citations(AnswerReading reading, List<SourceRef> providerSources) {
    List<String> urls = new ArrayList<>();
    for (UrlSpan link : reading.links) {
      if (link.web()) {
        urls.add(reading.text.substring(link.start(), link.end()));
      }
    }
    List<String> hosts = new ArrayList<>();
    List<Stretch> stretches = reading.found.stretches();
    for (int i = 0; i < stretches.size(); i++) {
      Stretch stretch = stretches.get(i);
      if (stretch.rule() == MatchRule.DOMAIN) {
        hosts.add(reading.slice(reading.starts[i], reading.view.originEnd(stretch.end())));
      }
    }
    return citations.collect(urls, hosts, providerSources);
  }
}
