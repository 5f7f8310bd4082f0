package dev.vis.provider;

import dev.vis.spec.BrandSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Writes one simulated answer: each tracked brand is named with its planted probability, in the
 * shapes real answers take (numbered and bulleted lists, headings, tables, prose), with aliases,
 * links, bare URLs, repeated names, decorations ({@code **Acme**}, {@code Acme's}, {@code Acme™})
 * and exclude phrases, so every matching rule meets real work. Immutable and thread-safe.
 */
final class SimAnswerWriter {
  static final double DEFAULT_RATE = 0.5;
  static final int MIN_WORDS = 60;

  private static final Pattern URL = Pattern.compile("https?://[^\\s)>\\]]+");
  private static final Pattern WORD = Pattern.compile("\\S*[\\p{L}\\p{N}]\\S*");
  private static final List<String> PROSE =
      List.of(
          "{brand} is {desc}.",
          "Another option is {brand}, which is {desc}.",
          "Many teams like {brand}'s approach because it is {desc}.",
          "There's also {brand}™, {desc}.",
          "You could look at {brand}-based setups too, since they are {desc}.",
          "If you want something different, try {brand} (it is {desc}).");

  private enum Shape {
    NUMBERED,
    NUMBERED_PAREN,
    BULLETS,
    HEADINGS,
    PROSE,
    TABLE
  }

  private record Term(String text, Pattern pattern) {}

  private record Tracked(BrandSpec spec, double rate, List<Term> terms, List<String> excludes) {}

  private final List<Tracked> brands;
  private final List<Pattern> allTerms;
  private final SimPhrases phrases;

  SimAnswerWriter(List<BrandSpec> brands, Map<String, Double> rates) {
    List<Tracked> tracked = new ArrayList<>();
    for (BrandSpec b : brands) {
      List<Term> terms =
          b.terms().stream().map(t -> new Term(t, TermPattern.of(t, b.caseSensitive()))).toList();
      tracked.add(new Tracked(b, rate(b, rates), terms, List.of()));
    }
    this.allTerms = tracked.stream().flatMap(t -> t.terms().stream()).map(Term::pattern).toList();
    // An exclude phrase may be written only if it names no other brand.
    this.brands =
        tracked.stream()
            .map(t -> new Tracked(t.spec(), t.rate(), t.terms(), usableExcludes(t, tracked)))
            .toList();
    this.phrases = SimPhrases.without(allTerms);
  }

  /** The answer to {@code prompt}; the draws come from {@code rng} only. */
  String write(String prompt, SplittableRandom rng) {
    List<Tracked> chosen = new ArrayList<>();
    for (Tracked b : brands) {
      if (rng.nextDouble() < b.rate()) {
        chosen.add(b);
      }
    }
    SimTopic topic = SimTopic.of(prompt, allTerms);
    List<String> excludesUsed = new ArrayList<>();
    String text = new Draft(topic, rng, excludesUsed).compose(chosen);
    return isClean(text, chosen, excludesUsed) ? text : plain(topic, chosen);
  }

  private static double rate(BrandSpec brand, Map<String, Double> rates) {
    Double rate = rates.get(brand.name());
    if (rate == null) {
      rate =
          rates.entrySet().stream()
              .filter(e -> e.getKey().equalsIgnoreCase(brand.name()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(DEFAULT_RATE);
    }
    return Math.max(0, Math.min(1, rate));
  }

  private static List<String> usableExcludes(Tracked owner, List<Tracked> all) {
    return owner.spec().exclude().stream()
        .filter(
            phrase ->
                all.stream()
                    .filter(other -> other != owner)
                    .flatMap(other -> other.terms().stream())
                    .noneMatch(t -> t.pattern().matcher(phrase).find()))
        .toList();
  }

  /** Whether no brand outside {@code chosen} is named, once deliberate text is blanked out. */
  private boolean isClean(String text, List<Tracked> chosen, List<String> excludesUsed) {
    String rest = URL.matcher(text).replaceAll(" ");
    for (String phrase : excludesUsed) {
      rest = rest.replace(phrase, " ");
    }
    List<Term> named =
        chosen.stream()
            .flatMap(b -> b.terms().stream())
            .sorted(Comparator.comparingInt((Term t) -> t.text().length()).reversed())
            .toList();
    for (Term t : named) {
      rest = t.pattern().matcher(rest).replaceAll(" ");
    }
    String remaining = rest;
    return brands.stream()
        .filter(b -> !chosen.contains(b))
        .flatMap(b -> b.terms().stream())
        .noneMatch(t -> t.pattern().matcher(remaining).find());
  }

  /** A fallback for the rare brand list whose names collide with the phrases around them. */
  private static String plain(SimTopic topic, List<Tracked> chosen) {
    StringBuilder out =
        new StringBuilder("Here are options people often consider for ")
            .append(topic.audience())
            .append(":\n\n");
    chosen.forEach(b -> out.append("- ").append(b.spec().name()).append('\n'));
    return out.append("\nCompare them on price, features and support before deciding.").toString();
  }

  /** One answer being written: the draws, in the order they are made, decide everything. */
  private final class Draft {
    private final SimTopic topic;
    private final SplittableRandom rng;
    private final List<String> excludesUsed;
    private final StringBuilder out = new StringBuilder();
    // Dealt like cards, so one answer does not repeat a phrase until it has used them all.
    private final List<String> descriptions;
    private final List<String> proseTemplates;
    private int dealt;

    Draft(SimTopic topic, SplittableRandom rng, List<String> excludesUsed) {
      this.topic = topic;
      this.rng = rng;
      this.excludesUsed = excludesUsed;
      this.descriptions = shuffled(phrases.descriptions());
      this.proseTemplates = shuffled(PROSE);
    }

    String compose(List<Tracked> chosen) {
      List<Optional<Tracked>> entries = new ArrayList<>();
      chosen.forEach(b -> entries.add(Optional.of(b)));
      int untracked = chosen.isEmpty() ? 2 + rng.nextInt(2) : rng.nextInt(3);
      List<String> others = shuffled(phrases.untracked());
      List<String> names = new ArrayList<>();
      for (int i = 0; i < untracked && i < others.size(); i++) {
        entries.add(Optional.empty());
        names.add(others.get(i));
      }
      List<Optional<Tracked>> order = shuffled(entries);
      List<String> labels = new ArrayList<>();
      int next = 0;
      for (Optional<Tracked> e : order) {
        labels.add(e.isPresent() ? surface(e.get()) : names.get(next++));
      }

      out.append(topic.fill(pick(phrases.intros(), "Here are some options."))).append("\n\n");
      Shape shape = shape();
      switch (shape) {
        case NUMBERED -> numbered(order, labels, rng.nextInt(10) == 0);
        case NUMBERED_PAREN -> listed(order, labels, i -> (i + 1) + ") ", ": ");
        case BULLETS -> {
          String marker = List.of("- ", "* ", "• ").get(rng.nextInt(3));
          listed(order, labels, i -> marker, " – ");
        }
        case HEADINGS -> headings(order, labels);
        case PROSE -> prose(labels);
        case TABLE -> table(labels);
      }
      out.append('\n');
      epilogue(chosen);
      return out.toString().replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    private Shape shape() {
      int roll = rng.nextInt(100);
      return roll < 30
          ? Shape.NUMBERED
          : roll < 40
              ? Shape.NUMBERED_PAREN
              : roll < 60
                  ? Shape.BULLETS
                  : roll < 70 ? Shape.HEADINGS : roll < 92 ? Shape.PROSE : Shape.TABLE;
    }

    private void numbered(List<Optional<Tracked>> order, List<String> labels, boolean lazy) {
      for (int i = 0; i < labels.size(); i++) {
        String number = (lazy ? 1 : i + 1) + ". ";
        String name = linkOrBold(order.get(i), labels.get(i));
        if (rng.nextInt(20) == 0) {
          out.append("**").append(number).append(labels.get(i)).append("**");
        } else {
          out.append(number).append(name);
        }
        out.append(" — ").append(capitalized(description())).append(".\n");
        details();
      }
    }

    private void listed(
        List<Optional<Tracked>> order,
        List<String> labels,
        java.util.function.IntFunction<String> marker,
        String separator) {
      for (int i = 0; i < labels.size(); i++) {
        out.append(marker.apply(i)).append(linkOrBold(order.get(i), labels.get(i)));
        out.append(separator).append(capitalized(description())).append(".\n");
        details();
      }
    }

    private void headings(List<Optional<Tracked>> order, List<String> labels) {
      for (int i = 0; i < labels.size(); i++) {
        out.append("### ").append(i + 1).append(". ").append(labels.get(i)).append("\n\n");
        boolean again = order.get(i).isPresent() && rng.nextInt(3) == 0;
        out.append(again ? labels.get(i) + " is " : "It is ").append(description()).append(".\n\n");
      }
    }

    private void prose(List<String> labels) {
      for (int i = 0; i < labels.size(); i++) {
        String template = proseTemplates.get(i % proseTemplates.size());
        // Templates start capitalized or with the brand, whose case must stay as written.
        out.append(template.replace("{brand}", labels.get(i)).replace("{desc}", description()));
        out.append(i == labels.size() / 2 && labels.size() > 2 ? "\n\n" : " ");
      }
      out.append('\n');
    }

    private void table(List<String> labels) {
      out.append("| Option | Why it stands out |\n|---|---|\n");
      labels.forEach(
          l ->
              out.append("| ")
                  .append(l)
                  .append(" | ")
                  .append(capitalized(description()))
                  .append(" |\n"));
    }

    private void epilogue(List<Tracked> chosen) {
      out.append('\n');
      if (!chosen.isEmpty() && rng.nextInt(4) == 0) {
        Tracked again = chosen.get(rng.nextInt(chosen.size()));
        String template = pick(phrases.seconds(), "");
        out.append(topic.fill(template.replace("{brand}", surface(again)))).append(' ');
      }
      List<Tracked> withDomains =
          chosen.stream().filter(b -> !b.spec().domains().isEmpty()).toList();
      if (!withDomains.isEmpty() && rng.nextInt(5) == 0) {
        Tracked b = withDomains.get(rng.nextInt(withDomains.size()));
        out.append("For current plans of ")
            .append(surface(b))
            .append(", see ")
            .append(url(b))
            .append(". ");
      }
      List<String> excludes =
          brands.stream()
              .filter(b -> !chosen.contains(b))
              .flatMap(b -> b.excludes().stream())
              .toList();
      if (!excludes.isEmpty() && rng.nextInt(8) == 0) {
        String phrase = excludes.get(rng.nextInt(excludes.size()));
        excludesUsed.add(phrase);
        out.append("Note that ")
            .append(phrase)
            .append(" is a different product and is not covered here. ");
      }
      out.append(topic.fill(pick(phrases.closings(), "")));
      List<String> extras = shuffled(phrases.extras());
      for (int i = 0; i < extras.size() && words() < MIN_WORDS; i++) {
        out.append(' ').append(topic.fill(extras.get(i)));
      }
    }

    /** How a tracked brand is written this time: its name or an alias, sometimes restyled. */
    private String surface(Tracked b) {
      List<String> aliases = b.spec().aliases();
      String term =
          !aliases.isEmpty() && rng.nextInt(4) == 0
              ? aliases.get(rng.nextInt(aliases.size()))
              : b.spec().name();
      if (!b.spec().caseSensitive() && rng.nextInt(20) == 0) {
        term = rng.nextBoolean() ? term.toLowerCase(Locale.ROOT) : term.toUpperCase(Locale.ROOT);
      }
      if (term.contains(" ") && rng.nextInt(20) == 0) {
        term = term.replace(' ', '\u00A0');
      }
      return rng.nextInt(25) == 0 ? "“" + term + "”" : term;
    }

    private String linkOrBold(Optional<Tracked> entry, String label) {
      if (entry.isPresent() && !entry.get().spec().domains().isEmpty() && rng.nextInt(6) == 0) {
        return "[" + label + "](" + url(entry.get()) + ")";
      }
      return rng.nextInt(3) == 0 ? label : "**" + label + "**";
    }

    private String url(Tracked b) {
      List<String> domains = b.spec().domains();
      String domain = domains.get(rng.nextInt(domains.size()));
      return switch (rng.nextInt(4)) {
        case 0 -> "https://" + domain + "/pricing";
        case 1 -> "https://www." + domain;
        case 2 -> "https://docs." + domain + "/getting-started";
        default -> "https://" + domain + "/features?utm_source=chatgpt.com";
      };
    }

    private void details() {
      if (!phrases.details().isEmpty() && rng.nextInt(4) == 0) {
        out.append("   - ").append(topic.fill(pick(phrases.details(), ""))).append('\n');
      }
    }

    private String description() {
      return descriptions.isEmpty()
          ? "worth a look"
          : topic.fill(descriptions.get(dealt++ % descriptions.size()));
    }

    private String pick(List<String> options, String fallback) {
      return options.isEmpty() ? fallback : options.get(rng.nextInt(options.size()));
    }

    private <T> List<T> shuffled(List<T> items) {
      List<T> copy = new ArrayList<>(items);
      for (int i = copy.size() - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        T swap = copy.get(i);
        copy.set(i, copy.get(j));
        copy.set(j, swap);
      }
      return copy;
    }

    private int words() {
      return (int) WORD.matcher(out).results().count();
    }
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
