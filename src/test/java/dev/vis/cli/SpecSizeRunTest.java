package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code max_tasks} and {@code --max-tasks}: a short spec cannot ask for millions of calls. */
class SpecSizeRunTest {
  @TempDir Path dir;
  CommandHarness vis;

  @BeforeEach
  void setUp() {
    vis = new CommandHarness(dir);
  }

  /** One matrix prompt of two vars with {@code size} values each, asked of two sim models. */
  private Path spec(int size, String extra) throws Exception {
    String values =
        IntStream.range(0, size).mapToObj(i -> "v" + i).collect(Collectors.joining(", "));
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(
        spec,
        """
        version: 1
        brands: [{name: Acme CRM}]
        prompts:
          - id: crm-{segment}-{city}
            text: Which CRM for a {segment} in {city}?
            vars:
              segment: [%s]
              city: [%s]
        models:
          - {id: a, provider: sim}
          - {id: b, provider: sim}
        %s
        """
            .formatted(values, values, extra));
    return spec;
  }

  @Test
  void a_spec_of_a_million_prompts_is_refused_with_the_count_before_anything_is_built()
      throws Exception {
    // regression: a 10 KB spec made a million prompts, used 6.3 GB and died with a raw
    // OutOfMemoryError
    Path spec = spec(1000, "");
    assertThat(Files.size(spec)).isLessThan(16 * 1024);

    CommandHarness.Result run = vis.run("run", spec.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "vis: "
                + spec
                + ": the spec expands to 1,000,000 prompts × 2 models × 3 samples = 6,000,000"
                + " tasks, over max_tasks 100,000; raise max_tasks in the spec or pass"
                + " --max-tasks\n");
    assertThat(dir.resolve("vis.db")).doesNotExist();
  }

  @Test
  void max_tasks_in_the_spec_is_counted_with_the_samples_and_models_of_the_command_line()
      throws Exception {
    // 9 prompts × 2 models × 3 samples = 54 tasks
    Path spec = spec(3, "max_tasks: 20");

    CommandHarness.Result refused = vis.run("run", spec.toString(), "--dry-run");
    CommandHarness.Result fewer =
        vis.run("run", spec.toString(), "--samples", "1", "--models", "a", "--quiet");

    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err())
        .contains(
            "the spec expands to 9 prompts × 2 models × 3 samples = 54 tasks, over max_tasks 20");
    assertThat(fewer.exitCode()).as(fewer.toString()).isZero();
    assertThat(vis.count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(9);
  }

  @Test
  void more_samples_on_the_command_line_are_counted_too() throws Exception {
    CommandHarness.Result run =
        vis.run("run", spec(3, "max_tasks: 60").toString(), "--samples", "4");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err())
        .contains("9 prompts × 2 models × 4 samples = 72 tasks, over max_tasks 60");
    assertThat(dir.resolve("vis.db")).doesNotExist();
  }

  @Test
  void max_tasks_on_the_command_line_wins_over_the_spec() throws Exception {
    CommandHarness.Result run =
        vis.run("run", spec(3, "max_tasks: 20").toString(), "--max-tasks", "54", "--quiet");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(vis.count("SELECT count(*) FROM tasks")).isEqualTo(54);
  }

  @Test
  void max_tasks_on_the_command_line_must_be_positive() throws Exception {
    CommandHarness.Result run = vis.run("run", spec(3, "").toString(), "--max-tasks", "0");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("vis: --max-tasks must be at least 1 (got 0)\n");
  }
}
