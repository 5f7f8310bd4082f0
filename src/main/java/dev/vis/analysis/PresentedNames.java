package dev.vis.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names one answer presents the way answers present brands (SPEC §6, untracked brands):
 * the name that leads a list item, a bold name, a link label, and a capitalised name listed beside
 * a tracked brand ({@code Acme, Zendesk and Freshdesk}). Prose elsewhere, sentence starts and
 * headings that are not numbered items are never read, and {@link NameStopList} keeps labels and
 * common words out. Stateless.
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

  private static final Pattern NAME_RUN =
      Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}/.@#:_-])" + NAME + "(?![\\p{L}\\p{M}\\p{N}])");

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

  private PresentedNames() {}

  /**
   * Reports each name {@code text} presents as a brand, with its fold key, once per key.
   *
   * @param trackedKeys fold keys ({@link #key}) of the tracked brands' names and aliases
   * @param sink receives each name as written and its key
   */
  static void find(String text, Set<String> trackedKeys, BiConsumer<String, String> sink) {
    Set<String> seen = new java.util.HashSet<>();
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
      line(text.substring(start, end), trackedKeys, once);
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

  private static void line(String line, Set<String> trackedKeys, BiConsumer<String, String> sink) {
    String stripped = line.stripLeading();
    if (stripped.startsWith("#") && !ITEM_LEAD.matcher(line).find()) {
      return;
    }
    Matcher item = ITEM_LEAD.matcher(line);
    if (item.find()) {
      offer(item.group("name"), sink);
    }
    if (line.indexOf("**") >= 0 || line.indexOf("__") >= 0) {
      Matcher bold = BOLD.matcher(line);
      while (bold.find()) {
        offer(bold.group("name"), sink);
      }
    }
    if (line.indexOf('[') >= 0) {
      Matcher label = LINK_LABEL.matcher(line);
      while (label.find()) {
        offer(label.group("name"), sink);
      }
    }
    enumerations(line, trackedKeys, sink);
  }

  /** Names listed one after the other with a tracked brand among them. */
  private static void enumerations(
      String line, Set<String> trackedKeys, BiConsumer<String, String> sink) {
    Matcher run = NAME_RUN.matcher(line);
    List<String> group = new ArrayList<>();
    boolean tracked = false;
    int lastEnd = -1;
    Matcher between = SEPARATOR.matcher("");
    while (run.find()) {
      String name = possessive(run.group());
      boolean joined =
          lastEnd >= 0 && between.reset(line.substring(lastEnd, run.start())).matches();
      if (!joined) {
        flush(group, tracked, sink);
        group.clear();
        tracked = false;
      }
      group.add(name);
      tracked |= trackedKeys.contains(key(name));
      lastEnd = run.end();
    }
    flush(group, tracked, sink);
  }

  private static void flush(List<String> group, boolean tracked, BiConsumer<String, String> sink) {
    if (tracked && group.size() > 1) {
      group.forEach(name -> offer(name, sink));
    }
  }

  private static void offer(String written, BiConsumer<String, String> sink) {
    String name = possessive(written.strip());
    String[] words = name.split(" ");
    if (!NameStopList.stops(words)) {
      sink.accept(name, key(name));
    }
  }

  private static String possessive(String name) {
    return name.endsWith("'s") || name.endsWith("’s") ? name.substring(0, name.length() - 2) : name;
  }
}
