package dev.vis.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the ids of the expanded prompts: not empty, no whitespace, unique. The duplicates one
 * place makes of another are one report, however many combinations clash.
 */
final class PromptIds {
  private static final int NAMED = 3;

  private final ReadContext ctx;

  PromptIds(ReadContext ctx) {
    this.ctx = ctx;
  }

  /** The prompts whose ids pass, in order; every other one is reported. */
  List<PromptSpec> check(List<Located<PromptSpec>> prompts) {
    List<PromptSpec> out = new ArrayList<>();
    Map<String, Where> seen = new HashMap<>();
    // keyed by (where the duplicate is, where its first is)
    Map<List<Where>, List<String>> duplicates = new LinkedHashMap<>();
    for (Located<PromptSpec> prompt : prompts) {
      String id = prompt.value().id();
      Where where = prompt.where();
      if (id.isBlank()) {
        ctx.report(where, "prompt id must not be empty");
      } else if (id.chars().anyMatch(Character::isWhitespace)) {
        ctx.report(where, "prompt id '" + id + "' must not contain whitespace");
      } else if (seen.containsKey(id)) {
        duplicates.computeIfAbsent(List.of(where, seen.get(id)), k -> new ArrayList<>()).add(id);
      } else {
        seen.put(id, where);
        ctx.places().prompt(id, where);
        out.add(prompt.value());
      }
    }
    duplicates.forEach(
        (places, ids) ->
            ctx.report(
                places.get(0),
                (ids.size() == 1 ? "duplicate prompt id " : "duplicate prompt ids ")
                    + named(ids)
                    + " (first at "
                    + places.get(1).position()
                    + ")"));
    return out;
  }

  private static String named(List<String> ids) {
    return quoted(ids, NAMED);
  }

  /**
   * {@code 'a'}, {@code 'a' and 'b'}, {@code 'a', 'b' and 'c'}, or the first few and how many more.
   */
  static String quoted(List<String> values, int named) {
    List<String> quoted = values.stream().limit(named).map(v -> "'" + v + "'").toList();
    if (values.size() == 1) {
      return quoted.getFirst();
    }
    if (values.size() <= named) {
      return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.getLast();
    }
    return String.join(", ", quoted) + " and " + (values.size() - named) + " more";
  }
}
