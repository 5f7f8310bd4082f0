package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Sim runs of {@link ReportGateTest#spec}, with a planted mention rate of Acme CRM, to gate. */
record GateRuns(CommandHarness vis, Path dir) {
  /** Runs the spec with {@code acmeRate} saved as {@code name.yaml}; returns the run id. */
  String run(double acmeRate, String name) throws Exception {
    return run(name, ReportGateTest.spec(acmeRate));
  }

  /** A run of the same planted truth under another sim seed: the same rates, other answers. */
  String rerun(double acmeRate, String name) throws Exception {
    return run(name, ReportGateTest.spec(acmeRate).replace("seed: 11", "seed: 12"));
  }

  /** {@code vis report run --baseline baseline --fail-on-drop 5}, then {@code more}. */
  CommandHarness.Result gate(String run, String baseline, String... more) {
    return vis.run(
        Stream.concat(
                Stream.of("report", run, "--baseline", baseline, "--fail-on-drop", "5"),
                Stream.of(more))
            .toArray(String[]::new));
  }

  private String run(String name, String spec) throws Exception {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, spec);
    CommandHarness.Result run = vis.run("run", file.toString(), "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run.runId();
  }
}
