package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How commands read what users type: options in either order, run references that are ambiguous.
 */
class RunArgumentsTest {
  final CommandHarness vis;

  /** Priced so that a small cap stops a run half-way. */
  final Path spec;

  RunArgumentsTest(@TempDir Path dir) throws IOException {
    vis = new CommandHarness(dir);
    spec =
        Files.writeString(
            dir.resolve("crm.yaml"),
            SimRunTest.SPEC + "pricing:\n  sim: {input: 1000, output: 1000}\n");
  }

  /** A run stopped by its cost cap with tasks pending (exit 4). */
  private String unfinishedRun() {
    CommandHarness.Result run = vis.run("run", spec.toString(), "--quiet", "--max-usd", "0.5");
    assertThat(run.exitCode()).as(run::toString).isEqualTo(4);
    return run.runId();
  }

  @Test
  void resume_written_before_the_spec_finishes_the_newest_unfinished_run() {
    String id = unfinishedRun();
    CommandHarness.Result resume =
        vis.run("run", "--resume", spec.toString(), "--quiet", "--max-usd", "1000");

    assertThat(resume.exitCode()).as(resume::toString).isZero();
    assertThat(resume.runId()).isEqualTo(id);
  }

  @Test
  void resume_written_before_the_spec_and_the_run_finishes_that_run() {
    String id = unfinishedRun();
    CommandHarness.Result resume =
        vis.run("run", "--resume", spec.toString(), id, "--quiet", "--max-usd", "1000");

    assertThat(resume.exitCode()).as(resume::toString).isZero();
    assertThat(resume.runId()).isEqualTo(id);
  }

  @Test
  void resume_without_a_spec_says_what_to_write() {
    CommandHarness.Result resume = vis.run("run", "--resume");

    assertThat(resume.exitCode()).as(resume::toString).isEqualTo(2);
    assertThat(resume.err())
        .contains("missing SPEC", "vis run SPEC --resume [RUN]")
        .doesNotContain("Exception");
  }

  @Test
  void an_ambiguous_prefix_lists_every_run_it_counts() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      CommandHarness.Result run =
          vis.run("run", spec.toString(), "--quiet", "--samples", "1", "--max-usd", "1000");
      assertThat(run.exitCode()).as(run::toString).isZero();
      ids.add(run.runId());
    }
    // ULIDs of runs made within seconds share their first characters (the time)
    String prefix = ids.get(0).substring(0, 4);
    assertThat(ids).allSatisfy(id -> assertThat(id).startsWith(prefix));

    CommandHarness.Result report = vis.run("report", prefix);

    assertThat(report.exitCode()).as(report::toString).isEqualTo(2);
    assertThat(report.err()).contains("it starts 4 run ids").contains(ids);
  }
}
