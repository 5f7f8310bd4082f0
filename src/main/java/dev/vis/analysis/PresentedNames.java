package dev.vis.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names one answer presents the way answers present brands (SPEC §6, untracked brands):
 * the name that leads a list item, a bold name, a link label, and a capitalised name listed beside
 * a tracked brand ({@code Acme, Zendesk and Freshdesk}). Prose elsewhere, sentence starts and
 * headings that are not numbered items are never read, and {@link NameStopList} keeps labels and
 * common words out. One instance reads a run's answers on one thread: it keeps its matchers and the
 * fold keys of the names it has met, which repeat from answer to answer.
 */
final class PresentedNames {
  /**
   * A word of a name: capitalised ({@code Zendesk}, {@code HubSpot}, {@code CRM}), led by digits
   * ({@code 1Password}) or by one or two lower-case letters before a capital ({@code eBay}), with
   * inner dots, apostrophes, hyphens, {@code &} and {@code +} ({@code Monday.com}, {@code
   * L'Oréal}).
   */
  private static final String WORD =
      "(?:\\p{Lu}[\\p{L}\\p{M}\\p{N}]*|\\p{N}+\\p{L}[\\p{L}\\p{M}\\p{N}]*"
          + "|\\p{Ll}{1,2}\\p{Lu}[\\p{L}\\p{M}\\p{N}]*)(?:['’.&+-][\\p{L}\\p{M}\\p{N}]+)*";

  /** A name: up to four such words, or numbers after the first ({@code Office 365}). */
  private static final String NAME = WORD + "(?: (?:" + WORD + "|\\p{N}+(?![\\p{L}\\p{N}]))){0,3}";

  /** A name where a word starts, ending on a word boundary. */
  private static final Pattern NAME_AT = Pattern.compile(NAME + "(?![\\p{L}\\p{M}\\p{N}])");

  /**
   * A list item (or numbered heading) whose text opens with a name that ends the lead: the line
   * goes on with punctuation ({@code :}, a dash, a bracket, a comma, a full stop) or ends.
   */
  private static final Pattern ITEM_LEAD =
      Pattern.compile(
          "^[ \\t]*(?:#{1,6}[ \\t]+)?[*_]{0,3}(?:[-*•][ \\t]+|\\d{1,9}[.)][ \\t]+)[*_]{0,3}\\[?"
              + "(?<name>"
              + NAME
              + ")(?![\\p{L}\\p{M}\\p{N}])[*_]{0,3}(?:\\]\\([^)\\s]*\\))?[*_]{0,3}"
              + "[ \\t]*(?:$|[:—–(,.|]|-[ \\t])");

  /** Bold text that is a name, perhaps with a colon ({@code **Zendesk:**}). */
  private static final Pattern BOLD = Pattern.compile("(\\*\\*|__)(?<name>" + NAME + "):?\\1");

  /** A link label that is a name ({@code [Zendesk](https://…)}). */
  private static final Pattern LINK_LABEL =
      Pattern.compile("(?<!!)\\[[*_]{0,3}(?<name>" + NAME + ")[*_]{0,3}\\]\\(");

  /** What may stand between the names of an enumeration. */
  private static final Pattern SEPARATOR =
      Pattern.compile(", |; |, (?:and|or) | (?:and|or|&|vs\\.?|versus) |/| / ");

  private final Tracked tracked;
  private final FirstWords firstWords;
  private final Map<String, String> keys = new HashMap<>();
  private final Matcher itemLead = ITEM_LEAD.matcher("");
  private final Matcher bold = BOLD.matcher("");
  private final Matcher linkLabel = LINK_LABEL.matcher("");
  private final Matcher nameAt = NAME_AT.matcher("");
  private final Matcher separator = SEPARATOR.matcher("");

  PresentedNames(Tracked tracked) {
    this.tracked = tracked;
    this.firstWords = new FirstWords(tracked.words());
  }

  /**
   * The tracked brands' names and aliases as detection needs them.
   *
   * @param keys their fold keys ({@link #key}): never reported, and what marks an enumeration
   * @param words their first words in lower case: lines without one hold no such enumeration
   */
  record Tracked(Set<String> keys, List<String> words) {
    static Tracked of(List<String> terms) {
      Set<String> keys = new HashSet<>();
      Set<String> words = new LinkedHashSet<>();
      for (String term : terms) {
        keys.add(key(term));
        String first = term.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (!first.isEmpty()) {
          words.add(first);
        }
      }
      return new Tracked(Set.copyOf(keys), List.copyOf(words));
    }
  }

  /**
   * Reports each name {@code text} presents as a brand, with its fold key, once per key.
   *
   * @param tracked the tracked brands' names and aliases
   * @param sink receives each name as written and its key
   */
  static void find(String text, Tracked tracked, BiConsumer<String, String> sink) {
    new PresentedNames(tracked).find(text, sink);
  }

  /**
   * Reports each name {@code text} presents as a brand, with its fold key, once per key.
   *
   * @param sink receives each name as written and its key
   */
  void find(String text, BiConsumer<String, String> sink) {
    Set<String> trackedKeys = tracked.keys();
    Set<String> seen = new HashSet<>();
    BiConsumer<String, String> once =
        (name, key) -> {
          if (!trackedKeys.contains(key) && seen.add(key)) {
            sink.accept(name, key);
          }
        };
    int start = 0;
    int n = text.length();
    while (start < n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      line(text.substring(start, end), once);
      start = end + 1;
    }
  }

  /** The key names are compared by: folded for case and accents, without spaces and hyphens. */
  static String key(String name) {
    String form = TermForm.of(name, true, true);
    StringBuilder key = new StringBuilder(form.length());
    for (int i = 0; i < form.length(); i++) {
      char c = form.charAt(i);
      if (c != ' ' && c != '-') {
        key.append(c);
      }
    }
    return key.toString();
  }

  /** {@link #key}, remembered: an answer's names are mostly names other answers gave. */
  private String keyOf(String name) {
    return keys.computeIfAbsent(name, PresentedNames::key);
  }

  private void line(String line, BiConsumer<String, String> sink) {
    String stripped = line.stripLeading();
    if (stripped.startsWith("#") && !itemLead.reset(line).find()) {
      return;
    }
    if (!stripped.isEmpty() && "-*•#_0123456789".indexOf(stripped.charAt(0)) >= 0) {
      Matcher item = itemLead.reset(line);
      if (item.find()) {
        offer(item.group("name"), sink);
      }
    }
    if (line.indexOf("**") >= 0 || line.indexOf("__") >= 0) {
      bold.reset(line);
      while (bold.find()) {
        offer(bold.group("name"), sink);
      }
    }
    if (line.indexOf('[') >= 0) {
      linkLabel.reset(line);
      while (linkLabel.find()) {
        offer(linkLabel.group("name"), sink);
      }
    }
    if (firstWords.foundIn(line)) {
      enumerations(line, tracked.keys(), sink);
    }
  }

  /**
   * Names listed one after the other with a tracked brand among them. The name pattern is tried at
   * the start of capitalised words only, and only on lines where a tracked term's first word
   * appears, which keeps this pass cheap.
   */
  private void enumerations(String line, Set<String> trackedKeys, BiConsumer<String, String> sink) {
    Matcher run = nameAt.reset(line);
    Matcher between = separator.reset(line);
    List<String> group = new ArrayList<>();
    boolean tracked = false;
    int lastEnd = -1;
    int n = line.length();
    int i = 0;
    while (i < n) {
      if (!Character.isLetterOrDigit(line.charAt(i))) {
        i++;
        continue;
      }
      int wordEnd = i;
      while (wordEnd < n && !Character.isWhitespace(line.charAt(wordEnd))) {
        wordEnd++;
      }
      boolean start = i == 0 || " (\"'“‘*_[".indexOf(line.charAt(i - 1)) >= 0;
      if (!start || !mayOpenName(line, i) || !run.region(i, n).lookingAt()) {
        i = wordEnd;
        continue;
      }
      String name = possessive(run.group());
      boolean joined = lastEnd >= 0 && between.region(lastEnd, run.start()).matches();
      if (!joined) {
        flush(group, tracked, sink);
        group.clear();
        tracked = false;
      }
      group.add(name);
      tracked |= trackedKeys.contains(keyOf(name));
      lastEnd = run.end();
      i = Math.max(run.end(), i + 1);
    }
    flush(group, tracked, sink);
  }

  /** Whether a name can start at {@code i}: a capital, a digit, or {@code eBay}'s lower case. */
  private static boolean mayOpenName(String line, int i) {
    char c = line.charAt(i);
    if (Character.isUpperCase(c) || Character.isDigit(c)) {
      return true;
    }
    for (int j = i + 1; j < Math.min(i + 3, line.length()); j++) {
      if (Character.isUpperCase(line.charAt(j))) {
        return true;
      }
    }
    return false;
  }

  private void flush(List<String> group, boolean tracked, BiConsumer<String, String> sink) {
    if (tracked && group.size() > 1) {
      group.forEach(name -> offer(name, sink));
    }
  }

  private void offer(String written, BiConsumer<String, String> sink) {
    String name = possessive(written.strip());
    String[] words = name.split(" ");
    if (!NameStopList.stops(words)) {
      sink.accept(name, keyOf(name));
    }
  }

  private static String possessive(String name) {
    return name.endsWith("'s") || name.endsWith("’s") ? name.substring(0, name.length() - 2) : name;
  }
}
