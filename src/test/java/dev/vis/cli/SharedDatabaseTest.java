package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.SpecYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One database file, several writers, and files vis may not write. */
class SharedDatabaseTest {
  static final String SPEC =
      SpecYaml.teams("%s", "a", "b", "c", "d", "e", "f", "g", "h")
          + """
      models:
        - id: sim
          provider: sim
          sim: {seed: 3}
      samples: 10
      concurrency: 8
      """;

  @TempDir Path dir;
  CommandHarness vis;
  Path db;

  @BeforeEach
  void setUp() throws IOException {
    vis = new CommandHarness(dir);
    db = dir.resolve("vis.db");
    Files.writeString(dir.resolve("one.yaml"), SPEC.formatted("one"));
    Files.writeString(dir.resolve("two.yaml"), SPEC.formatted("two"));
  }

  private CompletableFuture<CommandHarness.Result> inThread(String... args) {
    return CompletableFuture.supplyAsync(() -> vis.run(args), r -> Thread.ofPlatform().start(r));
  }

  @Test
  void two_runs_on_one_file_at_once_both_complete() throws Exception {
    vis.env.put("VIS_SIM_LATENCY_MS", "5");
    var one = inThread("run", dir.resolve("one.yaml").toString(), "--quiet");
    var two = inThread("run", dir.resolve("two.yaml").toString(), "--quiet");
    one.get(60, TimeUnit.SECONDS).assertExit(0);
    two.get(60, TimeUnit.SECONDS).assertExit(0);
    assertThat(vis.count("SELECT count(*) FROM runs WHERE status = 'done'")).isEqualTo(2);
    assertThat(vis.count("SELECT count(*) FROM tasks WHERE status = 'ok'")).isEqualTo(160);
    assertThat(vis.count("SELECT count(*) FROM answers")).isEqualTo(160);
  }

  @Nested
  class ALockedDatabase {
    @Test
    void stops_with_a_message_naming_the_file_and_exit_1_and_loses_nothing() throws Exception {
      assertThat(vis.run("run", dir.resolve("one.yaml").toString(), "--quiet").exitCode()).isZero();
      vis.env.put("VIS_DB_BUSY_TIMEOUT_MS", "200");
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
          Statement s = other.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
        s.execute("UPDATE runs SET name = name");
        CommandHarness.Result run = vis.run("run", dir.resolve("two.yaml").toString(), "--quiet");
        assertThat(run.exitCode()).as(run::toString).isEqualTo(1);
        assertThat(run.err())
            .as(run::toString)
            .contains(db.toString(), "locked by another process for 200 ms", "try again")
            .doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
        s.execute("ROLLBACK");
      }
      assertThat(vis.count("SELECT count(*) FROM runs")).isOne();
      assertThat(vis.count("SELECT count(*) FROM answers")).isEqualTo(80);
    }

    @Test
    void a_bad_busy_timeout_is_a_usage_error() {
      vis.env.put("VIS_DB_BUSY_TIMEOUT_MS", "soon");
      CommandHarness.Result run = vis.run("run", dir.resolve("one.yaml").toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("VIS_DB_BUSY_TIMEOUT_MS=soon");
    }
  }

  @Nested
  class AReadOnlyPlace {
    /** Runs {@code specFile} while {@code path} is read-only. */
    private CommandHarness.Result runWhileReadOnly(Path path, String specFile) throws Exception {
      ReadOnly ro = ReadOnly.make(path);
      try {
        return vis.run("run", dir.resolve(specFile).toString(), "--quiet");
      } finally {
        ro.close();
      }
    }

    @Test
    void a_read_only_file_gives_a_message_naming_it_and_exit_2() throws Exception {
      assertThat(vis.run("run", dir.resolve("one.yaml").toString(), "--quiet").exitCode()).isZero();
      runWhileReadOnly(db, "two.yaml").assertExit(2, db.toString(), "read-only", "permissions");
      assertThat(vis.count("SELECT count(*) FROM answers")).isEqualTo(80);
    }

    @Test
    void a_read_only_directory_gives_a_message_naming_the_file_and_exit_2() throws Exception {
      Path sub = Files.createDirectories(dir.resolve("shared"));
      vis.env.put("VIS_DB", sub.resolve("vis.db").toString());
      assertThat(vis.run("run", dir.resolve("one.yaml").toString(), "--quiet").exitCode()).isZero();
      runWhileReadOnly(sub, "two.yaml")
          .assertExit(2, sub.resolve("vis.db").toString(), "permissions");
    }

    @Test
    void a_database_that_cannot_be_created_gives_a_message_and_exit_2() throws Exception {
      Path sub = Files.createDirectories(dir.resolve("locked-away"));
      vis.env.put("VIS_DB", sub.resolve("vis.db").toString());
      runWhileReadOnly(sub, "one.yaml")
          .assertExit(2, "cannot create database", sub.resolve("vis.db").toString());
    }
  }
}
