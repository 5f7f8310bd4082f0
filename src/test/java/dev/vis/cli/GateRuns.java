package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** Sim runs of {@link ReportGateTest#spec}, with a planted mention rate of Acme CRM, to gate. */
record GateRuns(CommandHarness vis, Path dir) {
  /** Runs the spec with {@code acmeRate} saved as {@code name.yaml}; returns the run id. */
  String run(double acmeRate, String name) throws Exception {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, ReportGateTest.spec(acmeRate));
    CommandHarness.Result run = vis.run("run", file.toString(), "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run.runId();
  }
}
