package dev.vis.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's way out on the jar (SPEC §3): a full disk on stdout, a reader that leaves early,
 * and {@code --out} naming a directory.
 */
class OutputIT {
  @TempDir Path root;
  JarRunner vis;

  @BeforeEach
  void setUp() throws IOException {
    vis = JarRunner.in(root);
    Path examples = Path.of(System.getProperty("vis.examples"));
    Files.copy(examples.resolve("quickstart.yaml"), vis.workDir().resolve("quickstart.yaml"));
    Files.copy(examples.resolve("prompts.csv"), vis.workDir().resolve("prompts.csv"));
  }

  /** The quickstart run with {@code samples} answers per prompt and model; returns its id. */
  private String run(int samples) {
    JarRunner.Result run =
        vis.run("run", "quickstart.yaml", "--quiet", "--samples", Integer.toString(samples));
    assertThat(run.exitCode()).as(run::toString).isZero();
    return run.out().strip();
  }

  @Test
  void a_report_to_dev_full_exits_1_and_says_stdout_could_not_be_written() {
    run(1);
    JarRunner.Result report = vis.runWithStdout(Path.of("/dev/full"), "report", "--format", "json");
    assertThat(report.exitCode()).as(report::toString).isEqualTo(1);
    assertThat(report.err())
        .as(report::toString)
        .isEqualTo(
            "vis: cannot write to stdout: No space left on device; the output is cut short\n");
  }

  @Test
  void an_export_whose_reader_leaves_after_one_line_ends_quietly_with_0() throws Exception {
    // 560 rows, several pipe buffers' worth: vis is still writing when the reader leaves
    String runId = run(40);
    try (JarRunner.Running export = vis.startPiped("export", runId, "--format", "jsonl")) {
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(export.stdout(), StandardCharsets.UTF_8));
      assertThat(lines.readLine()).startsWith("{\"run_id\":\"" + runId + "\"");
      lines.close(); // as `head -1` does after its line
      JarRunner.Result result = export.await(JarRunner.TIMEOUT);
      assertThat(result.exitCode()).as(result::toString).isZero();
      assertThat(result.err()).as(result::toString).isEmpty();
    }
  }

  @Test
  void out_naming_a_directory_exits_2_and_leaves_no_temporary_file() throws IOException {
    run(1);
    Path reports = Files.createDirectories(vis.workDir().resolve("reports"));
    JarRunner.Result report = vis.run("report", "--out", "reports");
    assertThat(report.exitCode()).as(report::toString).isEqualTo(2);
    assertThat(report.err())
        .as(report::toString)
        .isEqualTo("vis: --out reports: is a directory; give the path of a file to write\n");
    assertThat(reports).isEmptyDirectory();
    try (Stream<Path> files = Files.list(vis.workDir())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".vis-"));
    }
  }

  @Test
  void a_report_piped_into_a_reader_that_leaves_at_once_ends_quietly() throws Exception {
    String runId = run(1);
    try (JarRunner.Running report = vis.startPiped("report", runId)) {
      report.stdout().close();
      assertThat(report.waitFor(Duration.ofSeconds(25))).as(report::transcript).isTrue();
      JarRunner.Result result = report.await(Duration.ofSeconds(1));
      assertThat(result.exitCode()).as(result::toString).isZero();
      assertThat(result.err()).as(result::toString).isEmpty();
    }
  }
}
