package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecProblemTest {
  @Test
  void reads_as_file_line_column_path_and_message() {
    assertThat(new SpecProblem("spec.yaml", 14, 5, "models[2].provider", "unknown provider 'x'"))
        .hasToString("spec.yaml:14:5: models[2].provider: unknown provider 'x'");
  }

  @Test
  void leaves_out_what_a_whole_file_problem_has_not() {
    assertThat(new SpecProblem("spec.yaml", 0, 0, "", "the file is empty"))
        .hasToString("spec.yaml: the file is empty");
  }

  @Test
  void an_exception_lists_at_most_fifty_and_counts_the_rest() {
    List<SpecProblem> many =
        java.util.stream.IntStream.rangeClosed(1, 52)
            .mapToObj(i -> new SpecProblem("s.yaml", i, 1, "", "bad"))
            .toList();

    SpecException e = new SpecException(many);

    assertThat(e.problems()).hasSize(52);
    assertThat(e.getMessage().lines()).hasSize(51).last().isEqualTo("… and 2 more problems");
  }
}
