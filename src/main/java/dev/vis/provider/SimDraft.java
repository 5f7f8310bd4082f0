package dev.vis.provider;

import static dev.vis.provider.SimDeck.shuffled;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * One {@code sim} answer being written, in the shapes real answers take (numbered and bulleted
 * lists, headings, tables, prose): the draws, in the order they are made, decide everything. Not
 * thread-safe: one answer owns it.
 */
final class SimDraft {
  static final int MIN_WORDS = 60;

  private static final Pattern WORD = Pattern.compile("\\S*[\\p{L}\\p{N}]\\S*");

  private enum Shape {
    NUMBERED,
    NUMBERED_PAREN,
    BULLETS,
    HEADINGS,
    PROSE,
    TABLE
  }

  private final SimPhrases phrases;
  private final SimTopic topic;
  private final SplittableRandom rng;
  private final SimNames names;
  private final List<String> excludesUsed = new ArrayList<>();
  private final StringBuilder out = new StringBuilder();
  private final SimDeck descriptions;
  private final SimDeck proseTemplates;

  /** A draft about {@code topic}, built from {@code phrases}, its draws from {@code rng}. */
  SimDraft(SimPhrases phrases, SimTopic topic, SplittableRandom rng) {
    this.phrases = phrases;
    this.topic = topic;
    this.rng = rng;
    this.names = new SimNames(rng);
    this.descriptions = new SimDeck(phrases.descriptions(), rng);
    this.proseTemplates = new SimDeck(SimPhrases.PROSE, rng);
  }

  /**
   * The whole answer, naming the {@code chosen} brands and a few untracked ones, and perhaps one of
   * the {@code excludable} phrases (those of the brands not chosen).
   */
  String compose(List<SimBrand> chosen, List<String> excludable) {
    List<Optional<SimBrand>> entries = new ArrayList<>();
    chosen.forEach(b -> entries.add(Optional.of(b)));
    int untracked = chosen.isEmpty() ? 2 + rng.nextInt(2) : rng.nextInt(3);
    List<String> others = shuffled(phrases.untracked(), rng);
    List<String> othersNamed = new ArrayList<>();
    for (int i = 0; i < untracked && i < others.size(); i++) {
      entries.add(Optional.empty());
      othersNamed.add(others.get(i));
    }
    List<Optional<SimBrand>> order = shuffled(entries, rng);
    List<String> labels = new ArrayList<>();
    int next = 0;
    for (Optional<SimBrand> e : order) {
      labels.add(e.isPresent() ? names.surface(e.get()) : othersNamed.get(next++));
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
    epilogue(chosen, excludable);
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

  private void numbered(List<Optional<SimBrand>> order, List<String> labels, boolean lazy) {
    for (int i = 0; i < labels.size(); i++) {
      String number = (lazy ? 1 : i + 1) + ". ";
      String name = names.linkOrBold(order.get(i), labels.get(i));
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
      List<Optional<SimBrand>> order,
      List<String> labels,
      IntFunction<String> marker,
      String separator) {
    for (int i = 0; i < labels.size(); i++) {
      out.append(marker.apply(i)).append(names.linkOrBold(order.get(i), labels.get(i)));
      out.append(separator).append(capitalized(description())).append(".\n");
      details();
    }
  }

  private void headings(List<Optional<SimBrand>> order, List<String> labels) {
    for (int i = 0; i < labels.size(); i++) {
      out.append("### ").append(i + 1).append(". ").append(labels.get(i)).append("\n\n");
      boolean again = order.get(i).isPresent() && rng.nextInt(3) == 0;
      out.append(again ? labels.get(i) + " is " : "It is ").append(description()).append(".\n\n");
    }
  }

  private void prose(List<String> labels) {
    for (int i = 0; i < labels.size(); i++) {
      String template = proseTemplates.next();
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

  /** The exclude phrases this answer wrote, to be blanked out before it is checked. */
  List<String> excludesUsed() {
    return excludesUsed;
  }

  private void epilogue(List<SimBrand> chosen, List<String> excludes) {
    out.append('\n');
    if (!chosen.isEmpty() && rng.nextInt(4) == 0) {
      SimBrand again = chosen.get(rng.nextInt(chosen.size()));
      String template = pick(phrases.seconds(), "");
      out.append(topic.fill(template.replace("{brand}", names.surface(again)))).append(' ');
    }
    List<SimBrand> withDomains =
        chosen.stream().filter(b -> !b.spec().domains().isEmpty()).toList();
    if (!withDomains.isEmpty() && rng.nextInt(5) == 0) {
      SimBrand b = withDomains.get(rng.nextInt(withDomains.size()));
      out.append("For current plans of ")
          .append(names.surface(b))
          .append(", see ")
          .append(names.url(b))
          .append(". ");
    }
    if (!excludes.isEmpty() && rng.nextInt(8) == 0) {
      String phrase = excludes.get(rng.nextInt(excludes.size()));
      excludesUsed.add(phrase);
      out.append("Note that ")
          .append(phrase)
          .append(" is a different product and is not covered here. ");
    }
    out.append(topic.fill(pick(phrases.closings(), "")));
    List<String> extras = shuffled(phrases.extras(), rng);
    for (int i = 0; i < extras.size() && words() < MIN_WORDS; i++) {
      out.append(' ').append(topic.fill(extras.get(i)));
    }
  }

  private void details() {
    if (!phrases.details().isEmpty() && rng.nextInt(4) == 0) {
      out.append("   - ").append(topic.fill(pick(phrases.details(), ""))).append('\n');
    }
  }

  private String description() {
    return descriptions.isEmpty() ? "worth a look" : topic.fill(descriptions.next());
  }

  private String pick(List<String> options, String fallback) {
    return options.isEmpty() ? fallback : options.get(rng.nextInt(options.size()));
  }

  private int words() {
    return (int) WORD.matcher(out).results().count();
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
