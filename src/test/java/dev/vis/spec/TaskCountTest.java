package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vis.ExitCode;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskCountTest {
  @TempDir Path dir;

  /** A spec of one prompt whose vars are {@code sizes[i]} values each, and two models. */
  static String matrix(int... sizes) {
    StringBuilder id = new StringBuilder("p");
    StringBuilder vars = new StringBuilder();
    for (int v = 0; v < sizes.length; v++) {
      int var = v;
      id.append("-{v").append(v).append('}');
      vars.append("      v")
          .append(v)
          .append(": [")
          .append(
              IntStream.range(0, sizes[v])
                  .mapToObj(i -> "x" + var + "n" + i)
                  .collect(Collectors.joining(", ")))
          .append("]\n");
    }
    return """
        version: 1
        brands: [{name: Acme}]
        prompts:
          - id: %s
            text: Best CRM?
            vars:
        %smodels: [{id: a, provider: sim}, {id: b, provider: sim}]
        """
        .formatted(id, vars);
  }

  @Test
  void a_million_prompt_matrix_is_refused_with_the_count_it_would_have_made() {
    assertThat(new SpecFixture(dir).problems(matrix(1000, 1000)))
        .containsExactly(
            "spec.yaml: the spec expands to 1,000,000 prompts × 2 models × 3 samples = 6,000,000"
                + " tasks, over max_tasks 100,000; raise max_tasks in the spec or pass"
                + " --max-tasks");
  }

  @Test
  void a_count_past_the_largest_long_saturates_instead_of_overflowing() {
    // 100^10 prompts: more than a long holds
    assertThat(
            new SpecFixture(dir).problems(matrix(100, 100, 100, 100, 100, 100, 100, 100, 100, 100)))
        .singleElement()
        .asString()
        .startsWith(
            "spec.yaml: the spec expands to at least 9,223,372,036,854,775,807 prompts × 2 models")
        .contains("= at least 9,223,372,036,854,775,807 tasks, over max_tasks 100,000");
    assertThat(new TaskCount(Long.MAX_VALUE / 2, 3, 1).tasks()).isEqualTo(Long.MAX_VALUE);
    assertThat(new TaskCount(0, 3, Long.MAX_VALUE).tasks()).isZero();
  }

  @Test
  void max_tasks_in_the_spec_raises_the_bound() {
    // 22,500 prompts × 2 models × 3 samples = 135,000 tasks: over the default
    LoadedSpec loaded =
        SpecLoader.load("spec.yaml", matrix(150, 150) + "max_tasks: 135000\n", dir, Map.of());

    assertThat(loaded.spec().prompts()).hasSize(22_500);
    assertThat(loaded.spec().prompts().getLast().id()).isEqualTo("p-x0n149-x1n149");
    loaded.checkSize(loaded.spec());
  }

  @Test
  void max_tasks_in_the_spec_lowers_the_bound_before_any_prompt_is_built() {
    assertThat(new SpecFixture(dir).problems(matrix(10, 10) + "max_tasks: 50\n"))
        .containsExactly(
            "spec.yaml: the spec expands to 100 prompts × 2 models × 3 samples = 600 tasks, over"
                + " max_tasks 50; raise max_tasks in the spec or pass --max-tasks");
  }

  @Test
  void max_tasks_in_the_spec_must_be_a_positive_integer() {
    assertThat(new SpecFixture(dir).problems(SpecFixture.MINIMAL + "max_tasks: 0\n"))
        .containsExactly("spec.yaml:10:1: max_tasks: must be at least 1, got 0");
  }

  @Test
  void prompts_within_the_bound_are_built_and_the_tasks_counted_once_overrides_apply() {
    LoadedSpec loaded =
        SpecLoader.load("spec.yaml", matrix(10, 10) + "max_tasks: 500\n", dir, Map.of());
    RunSpec spec = loaded.spec();

    SpecException e = catchThrowableOfType(SpecException.class, () -> loaded.checkSize(spec));

    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage())
        .endsWith(
            "spec.yaml: the spec expands to 100 prompts × 2 models × 3 samples = 600 tasks, over"
                + " max_tasks 500; raise max_tasks in the spec or pass --max-tasks");
    loaded.checkSize(spec.with(spec.models(), 2, spec.concurrency(), spec.budget()));
  }

  @Test
  void the_command_line_bound_wins_over_the_spec() throws Exception {
    Path file = dir.resolve("big.yaml");
    java.nio.file.Files.writeString(file, matrix(10, 10) + "max_tasks: 5\n");

    LoadedSpec loaded =
        SpecLoader.load(file, Map.of(), model -> false, java.util.OptionalInt.of(600));

    assertThat(loaded.maxTasks()).isEqualTo(600);
    loaded.checkSize(loaded.spec());
  }
}
