package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.report.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vis report} of a seeded sim run read back from SQLite, in every format, against golden
 * files recorded before the report was read from tallies: the whole read path (store, metrics,
 * untracked brands, rendering) must give the same bytes.
 */
class ReportOfStoredRunTest {
  static final String SPEC =
      """
      version: 1
      name: stored
      brands:
        - {name: Acme CRM, aliases: [Acme], domains: [acme.example], primary: true}
        - {name: Globex, domains: [globex.example]}
        - {name: Initech, domains: [initech.example]}
        - {name: Umbrella}
      prompts:
        - {id: p1, text: "Which CRM is best for a bakery?", tags: [small]}
        - {id: p2, text: "Which CRM is best for a law firm?", tags: [small, legal]}
        - {id: p3, text: "Which CRM should a startup pick?"}
        - {id: p4, text: "Best CRM for field sales?", tags: [legal]}
        - {id: p5, text: "Which CRM integrates with email?"}
        - {id: p6, text: "Which CRM do agencies like?", tags: [small]}
        - {id: p7, text: "Is Globex a good CRM?"}
      models:
        - {id: a, provider: sim, sim: {seed: 11, mention_rate: {Acme CRM: 0.6, Globex: 0.4}}}
        - {id: b, provider: sim, sim: {seed: 12}}
      samples: 4
      """;

  @TempDir Path dir;
  CommandHarness vis;
  String runId;

  @BeforeEach
  void run_the_seeded_spec() throws Exception {
    vis = new CommandHarness(dir);
    vis.clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, SPEC);
    CommandHarness.Result run = vis.run("run", spec.toString(), "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    runId = run.out().strip();
  }

  @Test
  void every_format_matches_the_report_before_tallies() throws Exception {
    for (String format : new String[] {"md", "html", "json", "csv"}) {
      CommandHarness.Result report = vis.run("report", runId, "--format", format);
      assertThat(report.exitCode()).as(report.toString()).isZero();
      Golden.assertMatches(
          "stored-run." + format,
          report.out().replace(runId, "RUN").replace(dir.toString(), "DIR"));
    }
  }
}
