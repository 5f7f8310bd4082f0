package dev.vis.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec that would make too many tasks, through the jar: refused, and never a raw error. */
class SpecSizeIT {
  @TempDir Path root;
  JarRunner vis;

  @BeforeEach
  void setUp() throws Exception {
    vis = JarRunner.in(root);
    String values =
        IntStream.range(0, 1000).mapToObj(i -> "v" + i).collect(Collectors.joining(", "));
    Files.writeString(
        vis.workDir().resolve("million.yaml"),
        """
        version: 1
        brands: [{name: Acme CRM}]
        prompts:
          - id: crm-{segment}-{city}
            text: Which CRM for a {segment} in {city}?
            vars: {segment: [%s], city: [%s]}
        models: [{id: a, provider: sim}, {id: b, provider: sim}]
        """
            .formatted(values, values));
  }

  @Test
  void a_million_prompt_spec_is_refused_with_exit_2_and_the_count() {
    JarRunner.Result run = vis.run("run", "million.yaml");

    assertThat(run.exitCode()).as(run::toString).isEqualTo(2);
    assertThat(run.err())
        .as(run::toString)
        .isEqualTo(
            "vis: million.yaml: the spec expands to 1,000,000 prompts × 2 models × 3 samples ="
                + " 6,000,000 tasks, over max_tasks 100,000; raise max_tasks in the spec or pass"
                + " --max-tasks\n");
    assertThat(vis.workDir().resolve("vis.db")).doesNotExist();
  }

  @Test
  void running_out_of_memory_is_a_plain_message_and_exit_1_not_a_raw_error() {
    // the bound raised past what a 64 MiB heap holds
    JarRunner.Result run =
        vis.withEnv("JAVA_TOOL_OPTIONS", "-Xmx64m")
            .run("run", "million.yaml", "--max-tasks", "100000000");

    assertThat(run.exitCode()).as(run::toString).isEqualTo(1);
    assertThat(run.err())
        .as(run::toString)
        .contains("vis: out of memory: the Java heap (64 MiB) is full.", "VIS_JAVA_OPTS=-Xmx4g")
        .doesNotContain("OutOfMemoryError", "Exception", "at dev.vis");
    assertThat(vis.workDir().resolve("vis.db")).doesNotExist();
  }
}
