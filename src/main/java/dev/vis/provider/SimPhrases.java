package dev.vis.provider;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The phrases {@code sim} answers are built from, with every phrase that happens to contain a
 * tracked brand's term left out, so that only deliberate mentions name a brand.
 *
 * <p>Placeholders: {@code {subject}} (what the prompt asks about), {@code {audience}} (for whom).
 */
record SimPhrases(
    List<String> intros,
    List<String> descriptions,
    List<String> details,
    List<String> closings,
    List<String> extras,
    List<String> untracked,
    List<String> seconds) {

  static SimPhrases without(List<Pattern> terms) {
    return new SimPhrases(
        keep(INTROS, terms),
        keep(DESCRIPTIONS, terms),
        keep(DETAILS, terms),
        keep(CLOSINGS, terms),
        keep(EXTRAS, terms),
        keep(UNTRACKED, terms),
        keep(SECONDS, terms));
  }

  private static List<String> keep(List<String> phrases, List<Pattern> terms) {
    return phrases.stream()
        .filter(p -> terms.stream().noneMatch(t -> t.matcher(p).find()))
        .toList();
  }

  private static final List<String> INTROS =
      List.of(
          "Choosing the right {subject} for {audience} depends on your budget, your team's size"
              + " and the features you actually need. Here are the options most often"
              + " recommended:",
          "Great question! There are several solid {subject} options for {audience}, each with"
              + " its own strengths.",
          "When it comes to {subject} for {audience}, a handful of products come up again and"
              + " again.",
          "Here's a quick overview of {subject} choices that work well for {audience}.",
          "There is no single best answer, but these {subject} options are worth a close look"
              + " for {audience}.");

  private static final List<String> DESCRIPTIONS =
      List.of(
          "easy to set up and popular with {audience}",
          "strong on core {subject} features, with a generous free tier",
          "known for its clean interface and fast onboarding",
          "built to scale as your {subject} needs grow",
          "well integrated with email, calendars and popular apps",
          "good at reporting and automation, though advanced plans get pricey",
          "flexible, with a large ecosystem of add-ons",
          "simple to price and backed by responsive support",
          "best suited to teams that want heavy customization",
          "lightweight and affordable, a good fit for getting started");

  private static final List<String> DETAILS =
      List.of(
          "Pricing: a free plan, with paid tiers from about $15 per user per month",
          "Best for: {audience}",
          "Watch out for: add-on costs as you grow",
          "Setup time: an afternoon for most teams");

  private static final List<String> CLOSINGS =
      List.of(
          "The best choice depends on your budget and how much customization you need. Most of"
              + " these offer free trials, so test two or three with your real {subject}"
              + " workflows before committing.",
          "If you share more about your budget and must-have features, I can narrow this down"
              + " further.",
          "Tip: shortlist two options, run a two-week pilot, and compare how quickly your team"
              + " adopts each one.");

  private static final List<String> EXTRAS =
      List.of(
          "Check how each one handles data import, since migrating later is the painful part.",
          "Read recent user reviews as well, because {subject} products change quickly.",
          "Consider integrations with the tools your team already uses every day.",
          "Ask about contract terms too: monthly billing keeps you flexible while you evaluate.");

  private static final List<String> UNTRACKED =
      List.of("Brightwave", "Northpeak", "Lumora", "Corvalis", "Tidewell", "Quillmark", "Ostrana");

  private static final List<String> SECONDS =
      List.of(
          "Overall, {brand} is the safest default if you're unsure.",
          "If I had to pick one, I'd start with {brand}.",
          "{brand} stands out in particular for {audience}.");

  /**
   * Sentences that name one option ({@code {brand}}) and describe it ({@code {desc}}), used as
   * written: {@link #without} does not filter them.
   */
  static final List<String> PROSE =
      List.of(
          "{brand} is {desc}.",
          "Another option is {brand}, which is {desc}.",
          "Many teams like {brand}'s approach because it is {desc}.",
          "There's also {brand}™, {desc}.",
          "You could look at {brand}-based setups too, since they are {desc}.",
          "If you want something different, try {brand} (it is {desc}).");
}
