package dev.vis.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code prompts:}: inline prompts (expanding {@code vars:} matrices) and CSV files, then
 * checks that every id is non-empty, free of whitespace and unique. Matrices are counted before
 * they are expanded, and not expanded at all when there would be too many prompts.
 */
final class PromptsReader {
  private static final List<String> INLINE_KEYS = List.of("id", "text", "tags", "vars");
  private static final List<String> FILE_KEYS = List.of("file");
  private static final int MAX_CSV_BYTES = 16 << 20;

  private final ReadContext ctx;
  private final long maxPrompts;

  /**
   * @param maxPrompts more prompts than this are counted, never built
   */
  PromptsReader(ReadContext ctx, long maxPrompts) {
    this.ctx = ctx;
    this.maxPrompts = maxPrompts;
  }

  /**
   * The prompts of the list and how many there are; over the limit, only the count.
   *
   * @param prompts the expanded prompts, empty when there were problems or too many
   * @param count how many prompts the list makes, saturating at {@link Long#MAX_VALUE}
   */
  record Read(List<PromptSpec> prompts, long count) {
    Read {
      prompts = List.copyOf(prompts);
    }
  }

  /** One item of the list: how many prompts it makes, and how to make them. */
  private record Item(long size, Supplier<List<Located<PromptSpec>>> prompts) {}

  Read read(Field prompts) {
    List<Item> items = new ArrayList<>();
    for (Field item : prompts.items(true).orElse(List.of())) {
      boolean isFile =
          item.value() instanceof MappingNode map
              && map.getValue().stream()
                  .anyMatch(
                      t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("file"));
      FieldMap.open(item, isFile ? FILE_KEYS : INLINE_KEYS)
          .flatMap(entry -> isFile ? fromFile(entry) : inline(entry))
          .ifPresent(items::add);
    }
    long count = 0;
    for (Item item : items) {
      count = count > Long.MAX_VALUE - item.size() ? Long.MAX_VALUE : count + item.size();
    }
    if (count > maxPrompts) {
      return new Read(List.of(), count);
    }
    List<Located<PromptSpec>> all = new ArrayList<>();
    items.forEach(item -> all.addAll(item.prompts().get()));
    return new Read(new PromptIds(ctx).check(all), count);
  }

  private Optional<Item> inline(FieldMap entry) {
    int problemsBefore = ctx.problems().count();
    Optional<Field> idField = entry.required("id");
    Optional<Field> textField = entry.required("text");
    Optional<String> id = idField.flatMap(Field::string);
    Optional<String> text = textField.flatMap(Field::nonBlank);
    List<String> tags = entry.get("tags").map(Field::strings).orElse(List.of());
    Map<String, List<String>> vars = entry.get("vars").map(this::vars).orElse(Map.of());
    boolean varsFailed = vars.isEmpty() && ctx.problems().count() > problemsBefore;
    if (id.isEmpty() || text.isEmpty() || varsFailed) {
      return Optional.empty();
    }
    Where where = idField.get().where();
    if (vars.isEmpty()) {
      if (!checkPlaceholders(idField.get(), id.get(), textField.get(), text.get(), vars)
          .isEmpty()) {
        return Optional.empty();
      }
      PromptSpec prompt = new PromptSpec(id.get(), text.get().strip(), tags);
      return Optional.of(new Item(1, () -> List.of(new Located<>(prompt, where))));
    }
    Set<String> unknown =
        checkPlaceholders(idField.get(), id.get(), textField.get(), text.get(), vars);
    Set<String> inId = PromptMatrix.placeholders(id.get());
    for (String var : vars.keySet()) {
      // an unknown {name} in the id that is this var misspelt: its own report says it all
      boolean misspelt =
          unknown.stream()
              .filter(inId::contains)
              .anyMatch(name -> DidYouMean.closest(name, vars.keySet()).equals(Optional.of(var)));
      if (!inId.contains(var) && !misspelt) {
        idField
            .get()
            .report("must contain {" + var + "} so that each combination of vars gets its own id");
      }
    }
    if (PromptMatrix.withoutPlaceholders(id.get()).chars().anyMatch(Character::isWhitespace)) {
      idField.get().report("prompt id '" + id.get() + "' must not contain whitespace");
    }
    if (ctx.problems().count() > problemsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new Item(
            PromptMatrix.size(vars),
            () ->
                PromptMatrix.expand(id.get(), text.get(), tags, vars).stream()
                    .map(p -> new Located<>(p, where))
                    .toList()));
  }

  private Map<String, List<String>> vars(Field vars) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Field var : vars.entries().orElse(List.of())) {
      if (!Interpolation.isVariableName(var.key())) {
        var.report("'" + var.key() + "' is not a valid var name (letters, digits and _)");
        continue;
      }
      List<String> values = new ArrayList<>();
      Map<String, List<String>> bySlug = new LinkedHashMap<>();
      Map<String, Field> clashes = new LinkedHashMap<>();
      for (Field item : var.items(true).orElse(List.of())) {
        item.nonBlank()
            .ifPresent(
                value -> {
                  values.add(value);
                  String slug = PromptMatrix.slug(value);
                  if (slug.isEmpty()) {
                    item.report("'" + value + "' has no letter or digit to put in the prompt id");
                  } else if (bySlug.computeIfAbsent(slug, k -> new ArrayList<>()).add(value)
                      && bySlug.get(slug).size() == 2) {
                    clashes.put(slug, item);
                  }
                });
      }
      clashes.forEach((slug, second) -> second.report(sameSlug(slug, bySlug.get(slug))));
      if (!values.isEmpty()) {
        out.put(var.key(), values);
      }
    }
    return out;
  }

  /** One report for all the values that would make one id. */
  private static String sameSlug(String slug, List<String> same) {
    List<String> distinct = same.stream().distinct().toList();
    if (distinct.size() == 1) {
      return "'" + distinct.getFirst() + "' is listed " + same.size() + " times";
    }
    return PromptIds.quoted(distinct, distinct.size())
        + (distinct.size() == 2 ? " both" : " all")
        + " make the id part '"
        + slug
        + "' (ids take each value in lower case, with a - for each run of other characters);"
        + " make them differ in a letter or digit, or keep one";
  }

  /** Reports each unknown {@code {name}} once, where it is first written; returns their names. */
  private static Set<String> checkPlaceholders(
      Field idField, String id, Field textField, String text, Map<String, List<String>> vars) {
    Set<String> reported = new LinkedHashSet<>();
    for (Field at : List.of(idField, textField)) {
      for (String name : PromptMatrix.placeholders(at == idField ? id : text)) {
        if (!vars.containsKey(name) && reported.add(name)) {
          at.report(
              vars.isEmpty()
                  ? "unknown {" + name + "}: this prompt has no vars"
                  : "unknown {"
                      + name
                      + "}"
                      + DidYouMean.closest(name, vars.keySet())
                          .map(s -> " (did you mean {" + s + "}?)")
                          .orElse(" (vars: " + String.join(", ", vars.keySet()) + ")"));
        }
      }
    }
    return reported;
  }

  private Optional<Item> fromFile(FieldMap entry) {
    Optional<Field> fileField = entry.required("file");
    Optional<String> name = fileField.flatMap(Field::nonBlank);
    if (name.isEmpty()) {
      return Optional.empty();
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
      return Optional.empty();
    }
    // the file's size bounds its prompts: read at once
    List<Located<PromptSpec>> prompts = CsvPrompts.read(display.toString(), text, ctx.problems());
    return Optional.of(new Item(prompts.size(), () -> prompts));
  }
}
