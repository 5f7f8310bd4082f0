package dev.vis.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * What every reader of one spec shares: the file, its directory, the environment and problems.
 *
 * @param places where the brand terms, prompts and models read so far were written
 */
record ReadContext(
    String file,
    Path baseDir,
    Map<String, String> env,
    Problems problems,
    SpecPlaces.Builder places) {
  ReadContext {
    env = Map.copyOf(env);
  }

  ReadContext(String file, Path baseDir, Map<String, String> env, Problems problems) {
    this(file, baseDir, env, problems, new SpecPlaces.Builder());
  }

  Where where(Node node, String path) {
    Mark mark = node.getStartMark();
    return new Where(file, mark.getLine() + 1, mark.getColumn() + 1, path);
  }

  void report(Where where, String message) {
    problems.add(where, message);
  }

  /** The text with {@code ${VAR}} expanded, or empty when a reference failed (reported). */
  Optional<String> expand(String text, Where where) {
    List<String> errors = new ArrayList<>();
    String expanded = Interpolation.expand(text, env, errors);
    errors.forEach(error -> report(where, error));
    return errors.isEmpty() ? Optional.of(expanded) : Optional.empty();
  }

  /** The value of an environment variable, when it is set. */
  Optional<String> variable(String name) {
    return Optional.ofNullable(env.get(name));
  }

  /** Checks the variables a text names exist, leaving it as written. */
  boolean checkVariables(String text, Where where) {
    return expand(text, where).isPresent();
  }
}
