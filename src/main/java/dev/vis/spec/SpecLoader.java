package dev.vis.spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Loads a run spec: reads the file, parses it keeping every position, expands {@code ${VAR}},
 * prompt matrices and CSV prompt files, and validates everything, reporting all problems at once.
 * Stateless and thread-safe.
 */
public final class SpecLoader {
  private SpecLoader() {}

  /**
   * Loads and validates a spec file.
   *
   * @param file the spec; CSV prompt files are read relative to its directory
   * @param env the environment {@code ${VAR}} references are read from
   * @throws SpecException listing every problem, each located (exit code 2)
   */
  public static LoadedSpec load(Path file, Map<String, String> env) {
    return load(file, env, model -> false);
  }

  /**
   * Loads and validates a spec file, with another source of prices for the budget check.
   *
   * @param hasPrice whether a model has a price besides {@code pricing:} (sim models are free);
   *     consulted only when the spec sets {@code budget:}
   * @throws SpecException listing every problem, each located (exit code 2)
   */
  public static LoadedSpec load(Path file, Map<String, String> env, Predicate<ModelSpec> hasPrice) {
    return load(file, env, hasPrice, OptionalInt.empty());
  }

  /**
   * Loads and validates a spec file, with another source of prices and the command line's bound on
   * its size.
   *
   * @param maxTasks {@code --max-tasks}: wins over the spec's {@code max_tasks}
   * @throws SpecException listing every problem, each located (exit code 2)
   */
  public static LoadedSpec load(
      Path file, Map<String, String> env, Predicate<ModelSpec> hasPrice, OptionalInt maxTasks) {
    String text;
    try {
      text = TextFile.read(file, TextFile.MAX_SPEC_BYTES);
    } catch (TextFile.Unreadable e) {
      throw new SpecException(List.of(Where.file(file.toString()).problem(e.getMessage())));
    }
    Path dir = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of(""));
    return parse(file.toString(), file, text, dir, env, hasPrice, maxTasks);
  }

  /**
   * Loads and validates spec text, as if read from {@code fileName} in {@code baseDir}.
   *
   * @throws SpecException listing every problem, each located (exit code 2)
   */
  public static LoadedSpec load(
      String fileName, String text, Path baseDir, Map<String, String> env) {
    return load(fileName, text, baseDir, env, model -> false);
  }

  /**
   * Loads and validates spec text, with another source of prices for the budget check.
   *
   * @throws SpecException listing every problem, each located (exit code 2)
   */
  public static LoadedSpec load(
      String fileName,
      String text,
      Path baseDir,
      Map<String, String> env,
      Predicate<ModelSpec> hasPrice) {
    return parse(
        fileName, baseDir.resolve(fileName), text, baseDir, env, hasPrice, OptionalInt.empty());
  }

  private static LoadedSpec parse(
      String fileName,
      Path path,
      String text,
      Path baseDir,
      Map<String, String> env,
      Predicate<ModelSpec> hasPrice,
      OptionalInt maxTasks) {
    Problems problems = new Problems(fileName);
    if (text.indexOf('\0') >= 0) {
      problems.add(
          Where.file(fileName), "is a binary file (it contains NUL bytes), not UTF-8 text");
      problems.throwIfAny();
    }
    ReadContext ctx = new ReadContext(fileName, baseDir, env, problems);
    Optional<MappingNode> root = new YamlTree(fileName, problems).parse(text);
    Optional<SpecReader.Read> read =
        root.flatMap(
            node ->
                new SpecReader(ctx, defaultName(fileName), hasPrice, maxTasks)
                    .read(new Field(ctx, "", node, node)));
    problems.throwIfAny();
    SpecReader.Read spec = read.orElseThrow();
    return new LoadedSpec(
        path, text, sha256(text), spec.spec(), spec.maxTasks(), ctx.places().build());
  }

  private static String defaultName(String fileName) {
    Path name = Path.of(fileName).getFileName();
    String base = name == null ? fileName : name.toString();
    return base.replaceFirst("\\.(yaml|yml)$", "");
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
