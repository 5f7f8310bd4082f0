package dev.vis.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code prompts:}: inline prompts (expanding {@code vars:} matrices) and CSV files, then
 * checks that every id is non-empty, free of whitespace and unique.
 */
final class PromptsReader {
  private static final List<String> INLINE_KEYS = List.of("id", "text", "tags", "vars");
  private static final List<String> FILE_KEYS = List.of("file");
  private static final int MAX_CSV_BYTES = 16 << 20;

  private final ReadContext ctx;

  PromptsReader(ReadContext ctx) {
    this.ctx = ctx;
  }

  List<PromptSpec> read(Field prompts) {
    List<Located<PromptSpec>> all = new ArrayList<>();
    for (Field item : prompts.items(true).orElse(List.of())) {
      boolean isFile =
          item.value() instanceof MappingNode map
              && map.getValue().stream()
                  .anyMatch(
                      t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("file"));
      FieldMap.open(item, isFile ? FILE_KEYS : INLINE_KEYS)
          .ifPresent(entry -> all.addAll(isFile ? fromFile(entry) : inline(entry)));
    }
    return checkIds(all);
  }

  private List<Located<PromptSpec>> inline(FieldMap entry) {
    Optional<Field> idField = entry.required("id");
    Optional<Field> textField = entry.required("text");
    Optional<String> id = idField.flatMap(Field::string);
    Optional<String> text = textField.flatMap(Field::nonBlank);
    List<String> tags = entry.get("tags").map(Field::strings).orElse(List.of());
    Map<String, List<String>> vars = entry.get("vars").map(this::vars).orElse(Map.of());
    if (id.isEmpty() || text.isEmpty()) {
      return List.of();
    }
    boolean ok = checkPlaceholders(idField.get(), id.get(), vars);
    ok &= checkPlaceholders(textField.get(), text.get(), vars);
    for (String var : vars.keySet()) {
      if (!PromptMatrix.placeholders(id.get()).contains(var)) {
        idField
            .get()
            .report("must contain {" + var + "} so that each combination of vars gets its own id");
        ok = false;
      }
    }
    if (!ok) {
      return List.of();
    }
    Where where = idField.get().where();
    return PromptMatrix.combinations(vars).stream()
        .map(
            values ->
                new Located<>(
                    new PromptSpec(
                        PromptMatrix.fill(id.get(), values),
                        PromptMatrix.fill(text.get(), values).strip(),
                        tags),
                    where))
        .toList();
  }

  private Map<String, List<String>> vars(Field vars) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Field var : vars.entries().orElse(List.of())) {
      if (!Interpolation.isVariableName(var.key())) {
        var.report("'" + var.key() + "' is not a valid var name (letters, digits and _)");
        continue;
      }
      List<String> values = new ArrayList<>();
      var.items(true).ifPresent(items -> items.forEach(v -> v.nonBlank().ifPresent(values::add)));
      if (!values.isEmpty()) {
        out.put(var.key(), values);
      }
    }
    return out;
  }

  private static boolean checkPlaceholders(
      Field at, String template, Map<String, List<String>> vars) {
    boolean ok = true;
    for (String name : PromptMatrix.placeholders(template)) {
      if (!vars.containsKey(name)) {
        at.report(
            vars.isEmpty()
                ? "unknown {" + name + "}: this prompt has no vars"
                : "unknown {"
                    + name
                    + "}"
                    + DidYouMean.closest(name, vars.keySet())
                        .map(s -> " (did you mean {" + s + "}?)")
                        .orElse(" (vars: " + String.join(", ", vars.keySet()) + ")"));
        ok = false;
      }
    }
    return ok;
  }

  private List<Located<PromptSpec>> fromFile(FieldMap entry) {
    Optional<Field> fileField = entry.required("file");
    Optional<String> name = fileField.flatMap(Field::nonBlank);
    if (name.isEmpty()) {
      return List.of();
    }
    Path display = Path.of(ctx.file()).resolveSibling(name.get());
    String text;
    try {
      text = TextFile.read(ctx.baseDir().resolve(name.get()), MAX_CSV_BYTES);
    } catch (TextFile.Unreadable e) {
      fileField
          .get()
          .report(
              "cannot read "
                  + display
                  + ": "
                  + e.getMessage()
                  + " (the path is relative to the spec file)");
      return List.of();
    }
    return CsvPrompts.read(display.toString(), text, ctx.problems());
  }

  private List<PromptSpec> checkIds(List<Located<PromptSpec>> prompts) {
    List<PromptSpec> out = new ArrayList<>();
    Map<String, Where> seen = new HashMap<>();
    for (Located<PromptSpec> prompt : prompts) {
      String id = prompt.value().id();
      Where where = prompt.where();
      if (id.isBlank()) {
        ctx.report(where, "prompt id must not be empty");
      } else if (id.chars().anyMatch(Character::isWhitespace)) {
        ctx.report(where, "prompt id '" + id + "' must not contain whitespace");
      } else if (seen.containsKey(id)) {
        ctx.report(
            where, "duplicate prompt id '" + id + "' (first at " + seen.get(id).position() + ")");
      } else {
        seen.put(id, where);
        ctx.places().prompt(id, where);
        out.add(prompt.value());
      }
    }
    return out;
  }
}
