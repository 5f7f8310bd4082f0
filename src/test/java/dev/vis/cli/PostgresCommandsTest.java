package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.store.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command on a PostgreSQL URL, against a real server, as on an SQLite file. */
class PostgresCommandsTest {
  static String url;

  @TempDir Path dir;
  CommandHarness vis;
  Path spec;

  @BeforeAll
  static void database() {
    url = PostgresServer.freshDatabase();
  }

  @BeforeEach
  void setUp() throws Exception {
    vis = new CommandHarness(dir);
    vis.env.put("VIS_DB", url);
    spec = dir.resolve("crm.yaml");
    Files.writeString(spec, SimRunTest.SPEC);
  }

  @Test
  void a_run_on_postgresql_reports_and_exports_as_the_same_run_on_sqlite() throws Exception {
    CommandHarness.Result run = vis.run("run", spec.toString(), "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    String local = dir.resolve("local.db").toString();
    String sqlite = vis.run("run", spec.toString(), "--quiet", "--db", local).runId();

    assertThat(vis.run("runs", "--format", "json").out())
        .contains("\"id\" : \"" + run.runId() + "\"", "\"status\" : \"done\"");
    assertThat(comparable(vis.run("report", run.runId()).out(), run.runId()))
        .isEqualTo(comparable(vis.run("report", sqlite, "--db", local).out(), sqlite));
    assertThat(withoutIds(vis.run("export", "--table", "mentions", "--format", "csv").out()))
        .isEqualTo(
            withoutIds(
                vis.run("export", "--table", "mentions", "--format", "csv", "--db", local).out()));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("nothing but the spec and the SQLite run's file")
          .containsExactlyInAnyOrder("crm.yaml", "local.db");
    }
  }

  @Test
  void replay_and_deletion_work_on_postgresql() {
    String first = vis.run("run", spec.toString(), "--quiet").runId();
    CommandHarness.Result replay = vis.run("replay", first);
    assertThat(replay.exitCode()).as(replay.toString()).isZero();
    assertThat(vis.run("runs").out()).contains("replay of " + first);

    CommandHarness.Result rm = vis.run("runs", "rm", first, replay.runId(), "--yes");
    assertThat(rm.exitCode()).as(rm.toString()).isZero();
    assertThat(vis.run("runs").out()).doesNotContain(first);
  }

  @Test
  void a_url_vis_does_not_speak_is_refused_and_becomes_no_file() {
    for (String db : new String[] {"postgresql:/tmp/x", "mysql://localhost/vis", "sqlite:vis.db"}) {
      CommandHarness.Result run = vis.run("run", spec.toString(), "--db", db);
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.err())
          .as(db)
          .contains("--db " + db + ": not a database vis can open")
          .contains("postgresql://USER@HOST:PORT/DB")
          .doesNotContain("Exception");
      assertThat(Path.of(db.substring(0, db.indexOf(':') + 1))).doesNotExist();
    }
  }

  @Test
  void the_password_comes_from_pgpassword_and_no_message_shows_it() {
    String role = "analyst_" + ProcessHandle.current().pid();
    String database = PostgresServer.databaseOf(PostgresServer.freshDatabase());
    PostgresServer.execute("postgres", "CREATE ROLE " + role + " LOGIN PASSWORD 'S3cret-pw'");
    PostgresServer.execute("postgres", "GRANT ALL ON DATABASE " + database + " TO " + role);
    String roleUrl =
        "postgresql://" + role + "@localhost:" + PostgresServer.port() + "/" + database;

    CommandHarness.Result refused = vis.run("run", spec.toString(), "--quiet", "--db", roleUrl);
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err()).contains(roleUrl + ": PostgreSQL refused the login", "PGPASSWORD");

    String wrong = roleUrl.replace(role + "@", role + ":Wr0ng-pw@");
    CommandHarness.Result shown = vis.run("run", spec.toString(), "--quiet", "--db", wrong);
    assertThat(shown.exitCode()).as(shown.toString()).isEqualTo(2);
    assertThat(shown.err()).doesNotContain("Wr0ng-pw").contains(role + ":***@localhost");

    vis.env.put("PGPASSWORD", "S3cret-pw");
    CommandHarness.Result run = vis.run("run", spec.toString(), "--quiet", "--db", roleUrl);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out() + run.err()).doesNotContain("S3cret-pw");
    String jdbc =
        "jdbc:postgresql://localhost:" + PostgresServer.port() + "/" + database + "?user=" + role;
    assertThat(vis.run("runs", "--db", jdbc).out()).contains(run.runId());
  }

  /** The report with its run's id, times and duration, which differ between two runs, taken out. */
  private static String comparable(String report, String runId) {
    return report
        .replace(runId, "RUN")
        .replaceAll("\\*\\*Duration:\\*\\* \\S+", "DURATION")
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "TIME");
  }

  /** CSV rows without their run and task ids, which each database numbers its own way. */
  private static String withoutIds(String csv) {
    return csv.replaceAll("(?m)^[^,]*,[^,]*,", "");
  }
}
