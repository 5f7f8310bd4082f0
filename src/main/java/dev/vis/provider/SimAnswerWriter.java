package dev.vis.provider;

import dev.vis.spec.BrandSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Writes one simulated answer: each tracked brand is named with its planted probability, in the
 * shapes real answers take (numbered and bulleted lists, headings, tables, prose), with aliases,
 * links, bare URLs, repeated names, decorations ({@code **Acme**}, {@code Acme's}, {@code Acme™})
 * and exclude phrases, so every matching rule meets real work. Immutable and thread-safe.
 */
final class SimAnswerWriter {
  private static final Pattern URL = Pattern.compile("https?://[^\\s)>\\]]+");

  private final List<SimBrand> brands;
  private final List<Pattern> allTerms;
  private final SimPhrases phrases;

  SimAnswerWriter(List<BrandSpec> brands, Map<String, Double> rates) {
    this.brands = SimBrand.all(brands, rates);
    this.allTerms =
        this.brands.stream().flatMap(t -> t.terms().stream()).map(SimBrand.Term::pattern).toList();
    this.phrases = SimPhrases.without(allTerms);
  }

  /** The answer to {@code prompt}; the draws come from {@code rng} only. */
  String write(String prompt, SplittableRandom rng) {
    List<SimBrand> chosen = new ArrayList<>();
    for (SimBrand b : brands) {
      if (rng.nextDouble() < b.rate()) {
        chosen.add(b);
      }
    }
    SimTopic topic = SimTopic.of(prompt, allTerms);
    List<String> excludable =
        brands.stream()
            .filter(b -> !chosen.contains(b))
            .flatMap(b -> b.excludes().stream())
            .toList();
    SimDraft draft = new SimDraft(phrases, topic, rng);
    String text = draft.compose(chosen, excludable);
    return isClean(text, chosen, draft.excludesUsed()) ? text : plain(topic, chosen);
  }

  /** Whether no brand outside {@code chosen} is named, once deliberate text is blanked out. */
  private boolean isClean(String text, List<SimBrand> chosen, List<String> excludesUsed) {
    String rest = URL.matcher(text).replaceAll(" ");
    for (String phrase : excludesUsed) {
      rest = rest.replace(phrase, " ");
    }
    List<SimBrand.Term> named =
        chosen.stream()
            .flatMap(b -> b.terms().stream())
            .sorted(Comparator.comparingInt((SimBrand.Term t) -> t.text().length()).reversed())
            .toList();
    for (SimBrand.Term t : named) {
      rest = t.pattern().matcher(rest).replaceAll(" ");
    }
    String remaining = rest;
    return brands.stream()
        .filter(b -> !chosen.contains(b))
        .flatMap(b -> b.terms().stream())
        .noneMatch(t -> t.pattern().matcher(remaining).find());
  }

  /** A fallback for the rare brand list whose names collide with the phrases around them. */
  private static String plain(SimTopic topic, List<SimBrand> chosen) {
    StringBuilder out =
        new StringBuilder("Here are options people often consider for ")
            .append(topic.audience())
            .append(":\n\n");
    chosen.forEach(b -> out.append("- ").append(b.spec().name()).append('\n'));
    return out.append("\nCompare them on price, features and support before deciding.").toString();
  }
}
