package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.engine.Sleeper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §3 on the product's way out: a write error exits 1 and says where, a closed pipe stops the
 * work at once and quietly, and {@code --out} leaves a whole file or nothing.
 */
class ProductOutputTest {
  @TempDir Path dir;
  CommandHarness vis;

  @BeforeEach
  void setUp() throws Exception {
    vis = new CommandHarness(dir);
  }

  /** A run of 2 models x 3 prompts x 40 samples on the sim provider: 240 answers to export. */
  private String simRun() throws Exception {
    Path spec = dir.resolve("crm.yaml");
    Files.writeString(spec, SimRunTest.SPEC.replace("samples: 4", "samples: 40"));
    CommandHarness.Result run = vis.run("run", spec.toString(), "--quiet");
    assertThat(run.exitCode()).as(run::toString).isZero();
    return run.runId();
  }

  /**
   * Runs vis with stdout on a stream that fails with {@code error} once {@code limit} bytes went
   * through, counting what the command still writes after that.
   */
  private Outcome runFailingAfter(int limit, String error, String... args) {
    FailingStream stream = new FailingStream(limit, error);
    AtomicInteger writesAfterFailure = new AtomicInteger();
    PrintWriter out =
        new PrintWriter(new ProductWriter(stream, "stdout", "the output is cut short", false)) {
          @Override
          public void write(char[] chars, int offset, int length) {
            count();
            super.write(chars, offset, length);
          }

          @Override
          public void write(String text, int offset, int length) {
            count();
            super.write(text, offset, length);
          }

          private void count() {
            if (stream.failed) {
              writesAfterFailure.incrementAndGet();
            }
          }
        };
    StringWriter err = new StringWriter();
    Sleeper noWait = d -> {};
    CliContext context = new CliContext(vis.env, Clock.systemUTC(), noWait, () -> 0.5, false);
    int code = Main.run(args, out, new PrintWriter(err, true), context);
    return new Outcome(code, err.toString(), stream.written, writesAfterFailure.get());
  }

  record Outcome(int exitCode, String err, int bytesWritten, int writesAfterFailure) {}

  @Nested
  class AFullDisk {
    @Test
    void under_the_report_exits_1_and_names_stdout() throws Exception {
      simRun();
      Outcome report = runFailingAfter(100, "No space left on device", "report");

      assertThat(report.exitCode()).as(report::toString).isEqualTo(1);
      assertThat(report.err())
          .isEqualTo(
              "vis: cannot write to stdout: No space left on device; the output is cut short"
                  + System.lineSeparator());
    }

    @Test
    void under_the_export_exits_1_and_stops_it_at_once() throws Exception {
      String run = simRun();
      Outcome export = runFailingAfter(4096, "No space left on device", "export", run);

      assertThat(export.exitCode()).as(export::toString).isEqualTo(1);
      assertThat(export.err()).contains("cannot write to stdout: No space left on device");
      assertThat(export.writesAfterFailure())
          .as("at most the closing flush of the rows already formatted\n" + export)
          .isLessThanOrEqualTo(1);
    }

    @Test
    void under_the_runs_table_exits_1() throws Exception {
      simRun();
      Outcome runs = runFailingAfter(10, "No space left on device", "runs");
      assertThat(runs.exitCode()).as(runs::toString).isEqualTo(1);
      assertThat(runs.err()).contains("cannot write to stdout");
    }

    @Test
    void under_an_out_device_exits_1_names_it_and_leaves_the_device_alone() throws Exception {
      simRun();
      Path full = Path.of("/dev/full");
      CommandHarness.Result report = vis.run("report", "--out", full.toString());

      assertThat(report.exitCode()).as(report::toString).isEqualTo(1);
      assertThat(report.err()).contains("cannot write to --out /dev/full: No space left on device");
      assertThat(Files.isRegularFile(full)).as("/dev/full is still a device").isFalse();
      assertThat(Files.exists(full)).isTrue();
    }
  }

  @Nested
  class AClosedPipe {
    @Test
    void stops_the_export_at_once_and_ends_quietly_with_0() throws Exception {
      String run = simRun();
      Outcome export = runFailingAfter(4096, "Broken pipe", "export", run);

      assertThat(export.exitCode()).as(export::toString).isZero();
      assertThat(export.err()).isEmpty();
      assertThat(export.writesAfterFailure())
          .as("the export read on after its reader left (one write: the closing flush)\n" + export)
          .isLessThanOrEqualTo(1);
    }

    @Test
    void after_the_report_still_exits_3_when_the_gate_trips() throws Exception {
      String a = gateRun(0.6, "a");
      String b = gateRun(0.4, "b");
      Outcome report =
          runFailingAfter(50, "Broken pipe", "report", b, "--baseline", a, "--fail-on-drop", "5");

      assertThat(report.exitCode()).as(report::toString).isEqualTo(3);
      assertThat(report.err()).contains("regression gate tripped").doesNotContain("pipe");
    }

    @Test
    void on_the_run_id_keeps_the_runs_exit_code_and_the_run() throws Exception {
      Path spec = dir.resolve("crm.yaml");
      Files.writeString(spec, SimRunTest.SPEC);
      Outcome run = runFailingAfter(0, "Broken pipe", "run", spec.toString(), "--quiet");

      assertThat(run.exitCode()).as(run::toString).isZero();
      assertThat(run.err()).isEmpty();
      assertThat(vis.run("runs").out()).contains("done");
    }

    @Test
    void under_help_ends_quietly_with_0() {
      Outcome help = runFailingAfter(10, "Broken pipe", "--help");
      assertThat(help.exitCode()).as(help::toString).isZero();
      assertThat(help.err()).isEmpty();
    }

    private String gateRun(double acmeRate, String name) throws Exception {
      Path file = dir.resolve(name + ".yaml");
      Files.writeString(file, ReportGateTest.spec(acmeRate));
      CommandHarness.Result run = vis.run("run", file.toString(), "--quiet");
      assertThat(run.exitCode()).as(run::toString).isZero();
      return run.runId();
    }
  }

  @Nested
  class OutNamingADirectory {
    @Test
    void exits_2_before_any_work_and_leaves_no_temporary_file_anywhere() throws Exception {
      String run = simRun();
      Path folder = Files.createDirectories(dir.resolve("reports"));
      List<Path> before = listing();

      for (String command : List.of("report", "export")) {
        CommandHarness.Result result = vis.run(command, run, "--out", folder.toString());

        assertThat(result.exitCode()).as(result::toString).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
            .isEqualTo(
                "vis: --out "
                    + folder
                    + ": is a directory; give the path of a file to write"
                    + System.lineSeparator());
      }
      assertThat(listing()).as("no .vis-*.tmp beside or inside it").isEqualTo(before);
    }

    private List<Path> listing() throws IOException {
      try (Stream<Path> files = Files.walk(dir)) {
        return files
            .filter(p -> !p.getFileName().toString().startsWith("vis.db"))
            .sorted()
            .toList();
      }
    }
  }

  @Test
  void out_writes_a_whole_file_and_leaves_nothing_beside_it() throws Exception {
    String run = simRun();
    Path target = dir.resolve("report.md");
    CommandHarness.Result report = vis.run("report", run, "--out", target.toString());

    assertThat(report.exitCode()).as(report::toString).isZero();
    assertThat(Files.readString(target)).startsWith("# Brand visibility: crm");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".vis-"));
    }
  }

  /** An output stream that takes {@code limit} bytes, then fails every write with a message. */
  static final class FailingStream extends OutputStream {
    private final int limit;
    private final String error;
    volatile int written;
    volatile boolean failed;

    FailingStream(int limit, String error) {
      this.limit = limit;
      this.error = error;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (written + length > limit) {
        failed = true;
        throw new IOException(error);
      }
      written += length;
    }
  }
}
