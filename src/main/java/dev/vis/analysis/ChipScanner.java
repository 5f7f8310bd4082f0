package dev.vis.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds citation chips, the source markers that are citations only and never text: a markdown link
 * whose label is a host, a URL or a number ({@code [acme.com](…)}, {@code [3](…)}, {@code
 * [[3]](…)}); a group in parentheses or brackets that holds only links ({@code
 * ([acme.com](https://acme.com/x))}); and a reference definition or footnote line ({@code [1]:
 * https://…}).
 */
final class ChipScanner {
  private static final Pattern DEFINITION =
      Pattern.compile("(?m)^[ \\t]{0,3}\\[[^\\]\\n]+\\]:[ \\t]*\\S[^\\n]*");
  private static final Pattern HOST =
      Pattern.compile(
          "(?:www\\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}(?:[/?#]\\S*)?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER = Pattern.compile("\\^?[0-9]{1,4}");
  private static final Pattern URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);
  private static final String SEPARATORS = " \t,;|·";

  private ChipScanner() {}

  /**
   * The chips of {@code text}, ordered and disjoint.
   *
   * @param links its URLs and link targets, as {@link UrlScanner} found them
   */
  static List<UrlSpan> find(String text, List<UrlSpan> links) {
    if (links.isEmpty() && text.indexOf("]:") < 0) {
      return List.of();
    }
    List<UrlSpan> chips = new ArrayList<>();
    if (text.indexOf("]:") >= 0) {
      Matcher definition = DEFINITION.matcher(text);
      while (definition.find()) {
        chips.add(new UrlSpan(definition.start(), definition.end(), UrlSpan.Kind.CHIP));
      }
    }
    // where each markdown link or bare URL starting at an index ends
    Map<Integer, Integer> linkEnds = new HashMap<>();
    for (UrlSpan link : links) {
      if (link.web()) {
        linkEnds.put(link.start(), link.end());
      }
    }
    for (int mark = text.indexOf("]("); mark >= 0; mark = text.indexOf("](", mark + 2)) {
      int open = labelStart(text, mark);
      int end = open < 0 ? -1 : targetEnd(text, mark + 2);
      if (end > 0) {
        linkEnds.put(open, end);
        if (isChipLabel(text.substring(open + 1, mark))) {
          chips.add(new UrlSpan(open, end, UrlSpan.Kind.CHIP));
        }
      }
    }
    // a group holds at least one link: without links there is none to look for
    for (int i = 0; !linkEnds.isEmpty() && i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') {
        int end = groupEnd(text, i, c == '(' ? ')' : ']', linkEnds);
        if (end > 0) {
          chips.add(new UrlSpan(i, end, UrlSpan.Kind.CHIP));
        }
      }
    }
    return outermost(chips);
  }

  private static int labelStart(String text, int close) {
    int depth = 0;
    for (int j = close - 1; j >= 0 && text.charAt(j) != '\n'; j--) {
      char c = text.charAt(j);
      if (c == ']') {
        depth++;
      } else if (c == '[') {
        if (depth == 0) {
          return j;
        }
        depth--;
      }
    }
    return -1;
  }

  private static int targetEnd(String text, int from) {
    int depth = 0;
    for (int k = from; k < text.length() && text.charAt(k) != '\n'; k++) {
      char c = text.charAt(k);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          return k + 1;
        }
        depth--;
      }
    }
    return -1;
  }

  /** The end of a group opened at {@code open} that holds one or more links and nothing else. */
  private static int groupEnd(String text, int open, char close, Map<Integer, Integer> linkEnds) {
    int links = 0;
    int p = open + 1;
    while (p < text.length()) {
      char c = text.charAt(p);
      // links start with a scheme's h or a label's bracket: other chars need no look-up
      Integer linkEnd = c == 'h' || c == 'H' || c == '[' ? linkEnds.get(p) : null;
      if (linkEnd != null) {
        links++;
        p = linkEnd;
      } else if (SEPARATORS.indexOf(c) >= 0) {
        p++;
      } else {
        return c == close && links > 0 ? p + 1 : -1;
      }
    }
    return -1;
  }

  static boolean isChipLabel(String label) {
    String bare = label.strip();
    bare = trim(bare, "*_`");
    if (bare.length() >= 2 && bare.charAt(0) == '[' && bare.charAt(bare.length() - 1) == ']') {
      bare = bare.substring(1, bare.length() - 1).strip();
    }
    return NUMBER.matcher(bare).matches()
        || URL.matcher(bare).matches()
        || HOST.matcher(bare).matches();
  }

  private static String trim(String text, String chars) {
    int start = 0;
    int end = text.length();
    while (start < end && chars.indexOf(text.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && chars.indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return text.substring(start, end);
  }

  /** The chips not inside another, by start. */
  private static List<UrlSpan> outermost(List<UrlSpan> chips) {
    chips.sort(
        Comparator.comparingInt(UrlSpan::start)
            .thenComparing(Comparator.comparingInt(UrlSpan::end).reversed()));
    List<UrlSpan> kept = new ArrayList<>(chips.size());
    for (UrlSpan chip : chips) {
      if (kept.isEmpty() || chip.start() >= kept.get(kept.size() - 1).end()) {
        kept.add(chip);
      }
    }
    return kept;
  }
}
