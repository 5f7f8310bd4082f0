package dev.vis.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Expands a prompt with {@code vars:} into one prompt per combination, first var slowest. */
final class PromptMatrix {
  // Not after a '$': a literal "${X}" (written $${X}) is text, not a placeholder.
  private static final Pattern PLACEHOLDER =
      Pattern.compile("(?<!\\$)\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private PromptMatrix() {}

  /** The {@code {name}} placeholders of a template, in order of first use. */
  static Set<String> placeholders(String template) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Every combination of the vars' values, in declaration order (the cartesian product). */
  static List<Map<String, String>> combinations(Map<String, List<String>> vars) {
    List<Map<String, String>> out = new ArrayList<>();
    out.add(Map.of());
    for (Map.Entry<String, List<String>> var : vars.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : out) {
        for (String value : var.getValue()) {
          Map<String, String> combination = new LinkedHashMap<>(partial);
          combination.put(var.getKey(), value);
          next.add(combination);
        }
      }
      out = next;
    }
    return out;
  }

  static String fill(String template, Map<String, String> values) {
    return PLACEHOLDER
        .matcher(template)
        .replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
  }
}
