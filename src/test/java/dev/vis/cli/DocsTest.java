package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.vis.spec.ProviderType;
import dev.vis.spec.RunSpec;
import dev.vis.spec.SpecException;
import dev.vis.spec.SpecLoader;
import dev.vis.spec.SpecProblem;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The docs name what the code has, so they cannot drift: every key the spec loader accepts has a
 * row in docs/spec.md, every provider type a row in the README's provider table and in
 * docs/spec.md, every command a place in the README's command table, and the README's tour counts
 * what the quickstart makes. The names come from the code, never from a list written here.
 */
class DocsTest {
  private static final Path README = Path.of("README.md");
  private static final Path SPEC_DOC = Path.of("docs/spec.md");
  private static final String UNKNOWN = "zz_not_a_field";
  private static final String ALLOWED = "unknown field; allowed here: ";

  /**
   * One mapping of the spec with fixed keys: where the probe spec below plants an unknown key, the
   * docs/spec.md section whose table lists its keys, and how that table writes a key.
   */
  private record Mapping(String path, String heading, String rowPrefix) {}

  private static final List<Mapping> MAPPINGS =
      List.of(
          new Mapping("", "## Top-level fields", ""),
          new Mapping("brands[0]", "## Brands", ""),
          new Mapping("prompts[0]", "### Inline prompts", ""),
          new Mapping("prompts[1]", "### CSV files", ""),
          new Mapping("models[0]", "## Models", ""),
          new Mapping("models[0].sim", "### The `sim` block", ""),
          new Mapping("providers.openai", "## Providers", ""),
          new Mapping("retry", "## Retry", "retry."),
          new Mapping("budget", "## Budget and pricing", "budget."),
          new Mapping("pricing.m", "## Budget and pricing", "pricing.<key>."));

  /** A spec with {@value #UNKNOWN} in every mapping of {@link #MAPPINGS}, in that order. */
  private static final String PROBE =
      """
      version: 1
      zz_not_a_field: 1
      brands:
        - {name: Acme, zz_not_a_field: 1}
      prompts:
        - {id: p, text: hi, zz_not_a_field: 1}
        - {file: prompts.csv, zz_not_a_field: 1}
      models:
        - id: m
          provider: sim
          zz_not_a_field: 1
          sim: {seed: 1, zz_not_a_field: 1}
      providers:
        openai: {zz_not_a_field: 1}
      retry: {zz_not_a_field: 1}
      budget: {max_usd: 1, zz_not_a_field: 1}
      pricing:
        m: {input: 1, output: 1, zz_not_a_field: 1}
      """;

  @Test
  void spec_md_has_a_row_for_every_key_the_loader_accepts(@TempDir Path dir) throws IOException {
    Map<Mapping, List<String>> accepted = acceptedKeys(dir);
    String doc = Files.readString(SPEC_DOC);

    List<String> missing = new ArrayList<>();
    accepted.forEach(
        (mapping, keys) -> {
          String section = section(doc, mapping.heading());
          for (String key : keys) {
            if (!section.contains("| `" + mapping.rowPrefix() + key + "` |")) {
              missing.add(describe(mapping, key));
            }
          }
        });
    assertThat(missing)
        .as("spec fields the loader accepts but docs/spec.md has no row for")
        .isEmpty();
  }

  @Test
  void every_key_list_of_the_loader_is_probed(@TempDir Path dir) throws Exception {
    List<List<String>> probed = List.copyOf(acceptedKeys(dir).values());

    Map<String, List<?>> lists = loaderKeyLists();
    assertThat(lists).as("the loader's key lists").isNotEmpty();
    List<String> unprobed = new ArrayList<>();
    for (Map.Entry<String, List<?>> list : lists.entrySet()) {
      if (!probed.contains(list.getValue())) {
        unprobed.add(list.getKey() + " " + list.getValue());
      }
    }
    assertThat(unprobed)
        .as("key lists of the spec loader that no probe reaches: add their mapping to MAPPINGS")
        .isEmpty();
  }

  @Test
  void readme_provider_table_and_spec_md_name_every_provider_type() throws IOException {
    String readme = section(Files.readString(README), "### Providers");
    String defaults = section(Files.readString(SPEC_DOC), "### Defaults per type");

    List<String> missing = new ArrayList<>();
    for (ProviderType type : ProviderType.values()) {
      String row = "| `" + type.id() + "` |";
      if (!readme.contains(row)) {
        missing.add(type.id() + " (README.md, ### Providers)");
      }
      if (!defaults.contains(row)) {
        missing.add(type.id() + " (docs/spec.md, ### Defaults per type)");
      }
    }
    assertThat(missing).as("provider types without a row").isEmpty();
  }

  @Test
  void readme_command_table_names_every_command_and_subcommand() throws IOException {
    String commands = section(Files.readString(README), "## Commands");
    CommandLine root =
        Main.commandLine(new CliContext(Map.of(), Clock.systemUTC(), d -> {}, () -> 0.5, false));

    List<String> missing =
        subcommands(root)
            .map(c -> c.getCommandSpec().qualifiedName())
            .distinct()
            .filter(
                name ->
                    !commands.contains("`" + name + "`") && !commands.contains("`" + name + " "))
            .toList();
    assertThat(missing).as("commands that README.md's ## Commands section does not name").isEmpty();
  }

  @Test
  void readme_tour_counts_what_the_quickstart_makes() throws IOException {
    RunSpec quickstart = SpecLoader.load(Path.of("examples/quickstart.yaml"), Map.of()).spec();
    int prompts = quickstart.prompts().size();
    int models = quickstart.models().size();

    String counts =
        String.format(
            Locale.ROOT,
            "# %d prompts × %d simulated models × %d samples = %d answers; %d brands",
            prompts,
            models,
            quickstart.samples(),
            prompts * models * quickstart.samples(),
            quickstart.brands().size());
    String tour = section(Files.readString(README), "## A 5-minute tour");
    assertThat(tour.contains("./vis run examples/quickstart.yaml") && tour.contains(counts))
        .as("README.md's tour runs the quickstart with the comment: %s", counts)
        .isTrue();
  }

  /** The keys each mapping accepts, read from the loader's own "allowed here" message. */
  private static Map<Mapping, List<String>> acceptedKeys(Path dir) throws IOException {
    Files.writeString(dir.resolve("prompts.csv"), "id,text\nq,hello\n");
    List<SpecProblem> problems;
    try {
      SpecLoader.load("probe.yaml", PROBE, dir, Map.of());
      return fail("the probe spec has unknown keys, yet it loaded");
    } catch (SpecException e) {
      problems = e.problems();
    }
    Map<Mapping, List<String>> accepted = new LinkedHashMap<>();
    for (Mapping mapping : MAPPINGS) {
      String path = mapping.path().isEmpty() ? UNKNOWN : mapping.path() + "." + UNKNOWN;
      SpecProblem problem =
          problems.stream()
              .filter(p -> p.path().equals(path) && p.message().startsWith(ALLOWED))
              .findFirst()
              .orElseGet(() -> fail("no '" + ALLOWED + "…' problem at " + path + ": " + problems));
      accepted.put(mapping, List.of(problem.message().substring(ALLOWED.length()).split(", ")));
    }
    return accepted;
  }

  /** Every {@code static List<String> …KEYS} of the spec package: the loader's key lists. */
  private static Map<String, List<?>> loaderKeyLists() throws Exception {
    Path classes =
        Path.of(SpecLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("dev/vis/spec");
    Map<String, List<?>> lists = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(classes)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString().replaceFirst("\\.class$", "");
        Class<?> type =
            Class.forName("dev.vis.spec." + name, false, DocsTest.class.getClassLoader());
        for (Field field : type.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers())
              && List.class.isAssignableFrom(field.getType())
              && field.getName().endsWith("KEYS")) {
            field.setAccessible(true);
            lists.put(name + "." + field.getName(), (List<?>) field.get(null));
          }
        }
      }
    }
    return lists;
  }

  private static String describe(Mapping mapping, String key) {
    return String.format(
        Locale.ROOT,
        "| `%s%s` | under %s (the keys of %s)",
        mapping.rowPrefix(),
        key,
        mapping.heading(),
        mapping.path().isEmpty() ? "the top level" : mapping.path());
  }

  private static Stream<CommandLine> subcommands(CommandLine command) {
    return command.getSubcommands().values().stream()
        .flatMap(sub -> Stream.concat(Stream.of(sub), subcommands(sub)));
  }

  /**
   * The text under {@code heading} up to the next heading of the same or a higher level; headings
   * inside fenced code blocks do not count.
   */
  private static String section(String markdown, String heading) {
    int level = heading.indexOf(' ');
    StringBuilder out = new StringBuilder();
    boolean inside = false;
    boolean fenced = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      }
      if (!fenced && line.startsWith("#")) {
        int lineLevel = line.indexOf(' ');
        if (inside && lineLevel > 0 && lineLevel <= level) {
          break;
        }
        if (line.strip().equals(heading)) {
          inside = true;
          continue;
        }
      }
      if (inside) {
        out.append(line).append('\n');
      }
    }
    if (!inside) {
      fail("no heading '" + heading + "'");
    }
    return out.toString();
  }
}
