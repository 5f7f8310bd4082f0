package dev.vis.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a prompt asks about and for whom, as {@code sim} restates it: "Which CRM would you recommend
 * for a startup company?" gives subject "CRM" and audience "a startup company".
 *
 * @param subject the content words before "for" (or of the whole prompt)
 * @param audience the words after "for", as written, or "most teams"
 */
record SimTopic(String subject, String audience) {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*");
  private static final Pattern FOR = Pattern.compile("\\bfor\\b", Pattern.CASE_INSENSITIVE);
  private static final int MAX_SUBJECT_WORDS = 3;
  private static final int MAX_AUDIENCE_WORDS = 8;
  private static final Set<String> STOP =
      Set.of(
          "a",
          "an",
          "the",
          "what",
          "which",
          "who",
          "whom",
          "how",
          "why",
          "when",
          "where",
          "is",
          "are",
          "was",
          "be",
          "best",
          "top",
          "good",
          "great",
          "better",
          "recommend",
          "recommended",
          "would",
          "will",
          "you",
          "your",
          "i",
          "me",
          "my",
          "we",
          "our",
          "us",
          "should",
          "can",
          "could",
          "do",
          "does",
          "did",
          "use",
          "using",
          "there",
          "any",
          "some",
          "most",
          "of",
          "to",
          "in",
          "on",
          "with",
          "and",
          "or",
          "about",
          "tell",
          "give",
          "list",
          "suggest",
          "please",
          "it",
          "this",
          "that",
          "these",
          "those",
          "right",
          "choose",
          "pick",
          "need",
          "want",
          "for",
          "options",
          "option",
          "compare",
          "vs",
          "versus",
          "between",
          "than",
          "out");

  /** The topic of {@code prompt}, with every brand term in {@code terms} removed first. */
  static SimTopic of(String prompt, List<Pattern> terms) {
    String clean = prompt;
    for (Pattern term : terms) {
      clean = term.matcher(clean).replaceAll(" ");
    }
    clean = clean.strip().replaceAll("[?!.:;\\s]+$", "");
    Matcher forWord = FOR.matcher(clean);
    String before = clean;
    String audience = "";
    if (forWord.find()) {
      before = clean.substring(0, forWord.start());
      audience = words(clean.substring(forWord.end()), MAX_AUDIENCE_WORDS, false);
    }
    String subject = words(before, MAX_SUBJECT_WORDS, true);
    if (subject.isEmpty() && audience.isEmpty()) {
      subject = words(clean, MAX_SUBJECT_WORDS, true);
    }
    return new SimTopic(
        subject.isEmpty() ? "software" : subject, audience.isEmpty() ? "most teams" : audience);
  }

  private static String words(String text, int max, boolean contentOnly) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find() && out.size() < max) {
      String w = m.group();
      if (!contentOnly || (w.length() > 1 && !STOP.contains(w.toLowerCase(Locale.ROOT)))) {
        out.add(w);
      }
    }
    return String.join(" ", out);
  }

  String fill(String template) {
    return template.replace("{subject}", subject).replace("{audience}", audience);
  }
}
