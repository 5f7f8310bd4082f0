package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole run on the built-in sim provider, then every reading command on it. */
class SimRunTest {
  static final String SPEC =
      """
      version: 1
      name: crm
      brands:
        - {name: Acme CRM, aliases: [Acme], domains: [acme.com], primary: true}
        - {name: Globex, domains: [globex.com]}
        - name: Initech
      prompts:
        - id: best-crm
          text: What is the best CRM for a small business?
          tags: [crm]
        - id: crm-for-{segment}
          text: Which CRM would you recommend for a {segment} company?
          vars: {segment: [startup, agency]}
      models:
        - id: sim-a
          provider: sim
          sim: {seed: 7, mention_rate: {Acme CRM: 0.6, Globex: 0.4}}
        - id: sim-b
          provider: sim
          sim: {seed: 8}
      samples: 4
      """;

  final Path dir;
  final CommandHarness vis;
  final Path spec;

  SimRunTest(@TempDir Path dir) throws IOException {
    this.dir = dir;
    vis = new CommandHarness(dir);
    spec = Files.writeString(dir.resolve("crm.yaml"), SPEC);
  }

  @Test
  void run_prints_the_run_id_on_stdout_and_a_summary_on_stderr() throws Exception {
    CommandHarness.Result run = vis.run("run", spec.toString(), "--progress", "none");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.runId()).matches("[0-9A-HJKMNP-TV-Z]{26}");
    assertThat(run.err())
        .contains("crm " + run.runId() + ": done. 24 of 24 tasks answered, 0 failed");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vis.db"))) {
      ResultSet rs =
          c.createStatement().executeQuery("SELECT count(*) FROM tasks WHERE status = 'ok'");
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(24);
    }
  }

  @Test
  void report_shows_every_brand_with_its_rate_and_interval() {
    vis.run("run", spec.toString(), "--quiet");
    CommandHarness.Result report = vis.run("report");
    assertThat(report.exitCode()).as(report.toString()).isZero();
    assertThat(report.out()).contains("Acme CRM", "Globex", "Initech", "Simulated data");
    assertThat(report.out()).containsPattern("\\d+\\.\\d% \\(\\d+\\.\\d–\\d+\\.\\d\\)");
    CommandHarness.Result json = vis.run("report", "--format", "json");
    assertThat(json.out()).contains("\"schema\"");
    CommandHarness.Result csv = vis.run("report", "latest", "--format", "csv");
    assertThat(csv.out()).startsWith("run,brand,scope,scope_value,metric");
  }

  @Test
  void export_streams_each_table_with_the_documented_columns() {
    vis.run("run", spec.toString(), "--quiet");
    assertThat(vis.run("export", "--table", "responses", "--format", "csv").out())
        .startsWith(
            "run_id,task_id,prompt_id,prompt,model_id,provider,model,sample,status,text,error,"
                + "attempts,latency_ms,input_tokens,output_tokens,cost_usd,grounded,created_at,searches,"
                + "finish_reason,request_id,served_model\r\n");
    assertThat(vis.run("export", "--table", "mentions", "--format", "csv").out())
        .startsWith(
            "run_id,task_id,prompt_id,model_id,sample,brand,count,position,list_rank,first_offset,"
                + "list,rule\r\n");
    assertThat(vis.run("export", "--table", "citations", "--format", "csv").out())
        .startsWith("run_id,task_id,prompt_id,model_id,sample,url,domain,brand,kind\r\n");
    String jsonl = vis.run("export", "--table", "responses").out();
    assertThat(jsonl.lines()).hasSize(24).allSatisfy(l -> assertThat(l).startsWith("{\"run_id\":"));
  }

  @Test
  void replay_makes_a_new_linked_run_with_the_new_brand_rules() throws Exception {
    String first = vis.run("run", spec.toString(), "--quiet").runId();
    Path renamed = dir.resolve("renamed.yaml");
    Files.writeString(renamed, SPEC.replace("- name: Initech", "- name: Initech\n  - name: Hooli"));
    CommandHarness.Result replay = vis.run("replay", first, "--spec", renamed.toString());
    assertThat(replay.exitCode()).as(replay.toString()).isZero();
    String second = replay.runId();
    assertThat(second).isNotEqualTo(first);
    assertThat(replay.err())
        .contains("replayed " + first + " into " + second, "no provider called");
    assertThat(vis.run("report", second).out()).contains("Hooli");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vis.db"))) {
      ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM answers");
      rs.next();
      assertThat(rs.getInt(1)).as("raw bodies are shared, not copied").isEqualTo(24);
    }
    assertThat(vis.run("runs").out()).contains(first, second, "replay of " + first);
  }

  @Test
  void dry_run_prints_tasks_and_cost_per_model_and_writes_nothing() {
    CommandHarness.Result dry = vis.run("run", spec.toString(), "--dry-run");
    assertThat(dry.exitCode()).as(dry.toString()).isZero();
    assertThat(dry.out()).contains("3 prompts x 2 models x 4 samples = 24 tasks", "sim-a", "sim-b");
    assertThat(dir.resolve("vis.db")).doesNotExist();
  }

  @Test
  void reading_commands_on_a_missing_database_name_the_path_and_create_nothing() {
    CommandHarness.Result report = vis.run("report");
    assertThat(report.exitCode()).isEqualTo(2);
    assertThat(report.err()).contains("no database at " + dir.resolve("vis.db"));
    assertThat(report.err()).doesNotContain("Exception");
    assertThat(dir.resolve("vis.db")).doesNotExist();
  }
}
