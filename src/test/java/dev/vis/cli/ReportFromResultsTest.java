package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.FakeOpenAiServer;
import dev.vis.spec.SpecYaml;
import dev.vis.store.Access;
import dev.vis.store.RunResults;
import dev.vis.store.RunSummary;
import dev.vis.store.Store;
import dev.vis.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vis report} and {@code vis trend} from a run's stored results give the very bytes they
 * give from its answers, and read the results only while they hold.
 */
class ReportFromResultsTest {
  private static final String[] FORMATS = {"md", "html", "json", "csv"};

  @TempDir Path dir;

  @AutoClose final FakeOpenAiServer server = FakeOpenAiServer.start(List.of("Acme CRM", "Globex"));

  CommandHarness vis;
  SqlFile db;
  Path spec;

  @BeforeEach
  void harness() throws Exception {
    vis = new CommandHarness(dir);
    vis.clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    db = new SqlFile(dir.resolve("vis.db"));
    spec = Files.writeString(dir.resolve("spec.yaml"), ReportOfStoredRunTest.SPEC);
  }

  @Test
  void every_format_is_the_same_from_stored_results_with_branded_grounded_and_a_baseline()
      throws Exception {
    String first = run(spec);
    String second = run(spec);
    // sim answers are parametric: make some grounded, so both rows of every slice are compared
    db.execute("UPDATE answers SET grounded = 1 WHERE id % 3 = 0");
    assertThat(db.number("SELECT count(*) FROM run_results"))
        .as("runs of fewer than 5,000 answers store none")
        .isZero();
    Map<String, String> fromAnswers = everyReport(first, second);

    storeResults(first);
    storeResults(second);
    // what a report would read from the answers is gone: only the stored results can give it
    db.execute("DELETE FROM mentions", "DELETE FROM citations", "UPDATE answers SET text = ''");
    Map<String, String> fromResults = everyReport(first, second);

    assertThat(fromResults.keySet()).isEqualTo(fromAnswers.keySet());
    for (String key : fromAnswers.keySet()) {
      assertThat(fromResults.get(key)).as(key).isEqualTo(fromAnswers.get(key));
    }
    assertThat(fromAnswers.get("report md"))
        .contains("Untracked brands")
        .contains("grounded")
        .contains("acme.example");
  }

  @Test
  void a_resumed_run_that_gained_answers_reports_from_its_answers_not_its_older_results()
      throws Exception {
    spec =
        Files.writeString(
            dir.resolve("local.yaml"),
            SpecYaml.crm("local", 3)
                + """
                models:
                  - {id: local, provider: openai-compatible, base_url: %s, model: llama3.1}
                samples: 4
                concurrency: 1
                """
                    .formatted(server.baseUrl()));
    server.enqueue(FakeOpenAiServer.rateLimited().withHeader("Retry-After", "3600"));
    String id =
        vis.run("run", spec.toString(), "--quiet", "--max-failure-rate", "10")
            .assertExit(0)
            .runId();
    storeResults(id);
    assertThat(db.number("SELECT answers FROM run_results")).isEqualTo(11);

    vis.run("run", spec.toString(), "--resume", id, "--quiet").assertExit(0);

    try (Store store = Stores.open(db.file().toString(), Access.READ, vis.clock, Map.of())) {
      RunSummary run = store.run(id);
      assertThat(run.ok()).isEqualTo(12);
      assertThat(store.results(run)).as("11 answers are not the run's 12").isEmpty();
    }
    Map<String, String> withStale = reports(id);
    db.execute("DELETE FROM run_results");
    assertThat(withStale).isEqualTo(reports(id));
    assertThat(withStale.get("md")).contains("12");
  }

  @Test
  void a_database_from_before_the_results_table_still_reports_and_is_not_upgraded_by_it()
      throws Exception {
    String id = run(spec);
    Map<String, String> now = reports(id);
    db.execute(
        "DROP TABLE run_results", "PRAGMA user_version = 4", "PRAGMA wal_checkpoint(TRUNCATE)");

    assertThat(reports(id)).isEqualTo(now);
    assertThat(vis.run("trend", "stored").assertExit(0).out()).contains("stored");
    assertThat(db.number("PRAGMA user_version")).isEqualTo(4);

    run(spec);
    assertThat(db.number("PRAGMA user_version")).as("the next run upgrades it").isEqualTo(5);
  }

  /** Runs {@code spec} to the end; the run's id. */
  private String run(Path spec) {
    return vis.run("run", spec.toString(), "--quiet").assertExit(0).runId();
  }

  /** Computes a run's results from its answers and stores them, as the end of a large run does. */
  private void storeResults(String id) {
    try (Store store = Stores.open(db.file().toString(), Access.WRITE, vis.clock, Map.of())) {
      store.saveResults(
          id, RunResults.fromAnswers(store, id, store.storedRun(id).spec(), /* untracked */ true));
    }
  }

  /** The report of run {@code id} in every format, each under its format's name. */
  private Map<String, String> reports(String id, String... options) {
    Map<String, String> reports = new LinkedHashMap<>();
    for (String format : FORMATS) {
      List<String> args = new ArrayList<>(List.of("report", id, "--format", format));
      args.addAll(List.of(options));
      reports.put(format, vis.run(args.toArray(String[]::new)).assertExit(0).out());
    }
    return reports;
  }

  /**
   * Every report of the second run: alone, pooling branded prompts, against the first as its
   * baseline; and the trend of both.
   */
  private Map<String, String> everyReport(String first, String second) {
    Map<String, String> all = new LinkedHashMap<>();
    reports(second).forEach((format, out) -> all.put("report " + format, out));
    reports(second, "--include-branded")
        .forEach((format, out) -> all.put("branded " + format, out));
    reports(second, "--baseline", first, "--metric", "share")
        .forEach((format, out) -> all.put("baseline " + format, out));
    for (String format : FORMATS) {
      all.put(
          "trend " + format, vis.run("trend", "stored", "--format", format).assertExit(0).out());
    }
    return all;
  }
}
