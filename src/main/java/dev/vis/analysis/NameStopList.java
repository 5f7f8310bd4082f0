package dev.vis.analysis;

import java.util.Locale;
import java.util.Set;

/**
 * What is never an untracked brand, however an answer presents it: common English words and the
 * words product answers use as labels, and their plural, -ing and -ed forms, alone or in runs of
 * them (so an item that opens with a label such as {@code Pricing:} or a heading-like {@code **Key
 * Features**} is no name), runs that open like a label ({@code Best for}), generic acronyms, and
 * names of two characters or fewer.
 */
final class NameStopList {
  /** Acronyms answers about products use as labels and categories, not as names. */
  private static final Set<String> ACRONYMS =
      Set.of(
          "ai", "api", "apis", "app", "apps", "b2b", "b2c", "ceo", "cfo", "cms", "cpu", "crm",
          "csv", "cto", "diy", "erp", "eu", "faq", "faqs", "gdpr", "gpu", "hr", "html", "iot", "it",
          "kpi", "kpis", "llm", "llms", "mvp", "nb", "okr", "okrs", "pdf", "pos", "pr", "qa", "roi",
          "saas", "sdk", "seo", "sla", "smb", "smbs", "sme", "smes", "sms", "sql", "sso", "tl;dr",
          "ui", "uk", "url", "us", "usa", "usd", "ux", "vat", "vpn");

  private NameStopList() {}

  /** Words that open a label or a phrase, never a name ({@code Best for}, {@code The Verdict}). */
  private static final Set<String> OPENERS =
      Set.of(
          "a", "also", "an", "and", "best", "but", "for", "how", "more", "my", "other", "our",
          "the", "top", "what", "when", "where", "which", "why", "with", "your");

  /**
   * Whether {@code words}, a run of capitalised words, is kept out of the untracked brands: one
   * common word, a run of common words, or a run that opens like a label.
   */
  static boolean stops(String[] words) {
    String first = words[0].toLowerCase(Locale.ROOT);
    if (ACRONYMS.contains(first) || OPENERS.contains(first)) {
      return true;
    }
    if (words.length == 1) {
      return common(first) || first.codePointCount(0, first.length()) <= 2;
    }
    for (String word : words) {
      String lower = word.toLowerCase(Locale.ROOT);
      if (!common(lower) && !ACRONYMS.contains(lower)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a lower-case word is a common word, a label word ({@code label-words.txt}) or a regular
   * plural, -ing or -ed form of one.
   */
  static boolean common(String word) {
    if (known(word)) {
      return true;
    }
    int n = word.length();
    return (word.endsWith("ies") && n > 4 && known(word.substring(0, n - 3) + "y"))
        || (word.endsWith("es") && n > 3 && known(word.substring(0, n - 2)))
        || (word.endsWith("s") && n > 3 && known(word.substring(0, n - 1)))
        || stem(word, "ing")
        || stem(word, "ed");
  }

  private static boolean known(String word) {
    return CommonWords.contains(word) || LabelWords.WORDS.contains(word);
  }

  private static boolean stem(String word, String suffix) {
    if (!word.endsWith(suffix) || word.length() <= suffix.length() + 2) {
      return false;
    }
    String stem = word.substring(0, word.length() - suffix.length());
    return known(stem)
        || known(stem + "e")
        || (stem.length() > 2
            && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)
            && known(stem.substring(0, stem.length() - 1)));
  }

  /** The label words, loaded on first use. */
  private static final class LabelWords {
    static final Set<String> WORDS = CommonWords.load("label-words.txt");
  }
}
