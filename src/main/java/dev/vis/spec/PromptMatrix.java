package dev.vis.spec;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands a prompt with {@code vars:} into one prompt per combination, first var slowest: the id
 * takes each value's slug, the text the value as written, and every prompt the tag {@code
 * var=value} of each var.
 */
final class PromptMatrix {
  // Not after a '$': a literal "${X}" (written $${X}) is text, not a placeholder.
  private static final Pattern PLACEHOLDER =
      Pattern.compile("(?<!\\$)\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

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

  /** The template without its placeholders: what every expanded id has in common. */
  static String withoutPlaceholders(String template) {
    return PLACEHOLDER.matcher(template).replaceAll("");
  }

  /**
   * A value as an id part: lower case, each run of characters other than letters and digits one
   * {@code -}, none at either end ({@code Law Firm} is {@code law-firm}); empty when the value has
   * no letter or digit.
   */
  static String slug(String value) {
    String composed = Normalizer.normalize(value, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    return NOT_LETTER_OR_DIGIT.matcher(composed).replaceAll("-").replaceAll("^-|-$", "");
  }

  /**
   * How many prompts the vars make: the product of their sizes, {@link Long#MAX_VALUE} when larger,
   * computed without building any of them.
   */
  static long size(Map<String, List<String>> vars) {
    long size = 1;
    for (List<String> values : vars.values()) {
      size = TaskCount.times(size, values.size());
    }
    return size;
  }

  /**
   * Every combination of the vars' values, in declaration order (the cartesian product); call it
   * only after {@link #size} is known to fit.
   */
  static List<PromptSpec> expand(
      String id, String text, List<String> tags, Map<String, List<String>> vars) {
    List<String> names = List.copyOf(vars.keySet());
    List<List<String>> values = names.stream().map(vars::get).toList();
    List<List<String>> slugs =
        values.stream().map(list -> list.stream().map(PromptMatrix::slug).toList()).toList();
    List<String> idParts = parts(id);
    List<String> textParts = parts(text);
    int[] at = new int[names.size()];
    List<PromptSpec> out = new ArrayList<>(Math.toIntExact(size(vars)));
    while (true) {
      Map<String, String> valueOf = new HashMap<>();
      Map<String, String> slugOf = new HashMap<>();
      List<String> allTags = new ArrayList<>(tags);
      for (int i = 0; i < names.size(); i++) {
        valueOf.put(names.get(i), values.get(i).get(at[i]));
        slugOf.put(names.get(i), slugs.get(i).get(at[i]));
        allTags.add(names.get(i) + "=" + values.get(i).get(at[i]));
      }
      out.add(
          new PromptSpec(
              fill(idParts, slugOf), fill(textParts, valueOf).strip(), List.copyOf(allTags)));
      // an odometer: the last var turns fastest
      int i = names.size() - 1;
      while (i >= 0 && ++at[i] == values.get(i).size()) {
        at[i--] = 0;
      }
      if (i < 0) {
        return out;
      }
    }
  }

  /** The template split at its placeholders: text, name, text, name, …, text. */
  private static List<String> parts(String template) {
    List<String> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    int end = 0;
    while (m.find()) {
      parts.add(template.substring(end, m.start()));
      parts.add(m.group(1));
      end = m.end();
    }
    parts.add(template.substring(end));
    return parts;
  }

  private static String fill(List<String> parts, Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      out.append(i % 2 == 0 ? parts.get(i) : values.get(parts.get(i)));
    }
    return out.toString();
  }
}
