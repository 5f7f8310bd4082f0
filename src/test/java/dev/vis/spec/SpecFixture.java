package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vis.ExitCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads spec text as {@code spec.yaml} in a directory, and collects the problems of bad ones. */
record SpecFixture(Path dir) {
  /** A valid spec with one of everything required, for tests to add to or edit. */
  static final String MINIMAL =
      """
      version: 1
      brands:
        - name: Acme
      prompts:
        - id: p1
          text: Hello?
      models:
        - id: offline
          provider: sim
      """;

  /** {@link #MINIMAL} with these lines in place of its prompts section. */
  static String withPrompts(String prompts) {
    return MINIMAL.replace(
        """
        prompts:
          - id: p1
            text: Hello?
        """,
        prompts);
  }

  RunSpec load(String yaml) {
    return load(yaml, Map.of());
  }

  RunSpec load(String yaml, Map<String, String> env) {
    return SpecLoader.load("spec.yaml", yaml, dir, env).spec();
  }

  List<String> problems(String yaml) {
    return problems(yaml, Map.of());
  }

  /**
   * The problems of {@link #MINIMAL} with {@code part}, which it must hold, replaced by {@code by}.
   */
  List<String> problemsOfMinimalWith(String part, String by) {
    assertThat(MINIMAL).contains(part);
    return problems(MINIMAL.replace(part, by));
  }

  /**
   * The messages of a spec that must be refused (a YAML syntax error spans several lines), checked
   * to be the exception's message.
   */
  List<String> problems(String yaml, Map<String, String> env) {
    SpecException e =
        catchThrowableOfType(
            SpecException.class, () -> SpecLoader.load("spec.yaml", yaml, dir, env));
    assertThat(e).as("expected the spec to be refused").isNotNull();
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    List<String> lines = e.problems().stream().map(SpecProblem::toString).toList();
    assertThat(e.getMessage()).isEqualTo(String.join("\n", lines));
    return lines;
  }
}
