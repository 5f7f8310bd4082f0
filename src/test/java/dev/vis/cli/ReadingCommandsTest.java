package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading commands (report, export, runs) never create, migrate, mark or re-journal a database; a
 * vis database from before the mark is read as it is and marked by the next command that writes.
 */
class ReadingCommandsTest {
  private static final int VIS_MARK = 0x76697364;

  final CommandHarness vis;
  final Path spec;
  final Path db;

  ReadingCommandsTest(@TempDir Path dir) throws IOException {
    vis = new CommandHarness(dir);
    spec = Files.writeString(dir.resolve("crm.yaml"), SimRunTest.SPEC);
    db = dir.resolve("vis.db");
  }

  private static final String[][] READING_COMMANDS = {
    {"report"},
    {"report", "latest", "--format", "json"},
    {"export", "--table", "responses"},
    {"runs"},
    {"runs", "--format", "json"},
    {"runs", "rm", "latest", "--dry-run"},
    {"runs", "prune", "--older-than", "0m", "--dry-run"}
  };

  private void sql(String... statements) throws Exception {
    new SqlFile(db).execute(statements);
  }

  private long number(String query) throws Exception {
    return new SqlFile(db).number(query);
  }

  private void assertReadingLeavesItAsItWas(int exitCode, String... errContains) throws Exception {
    SqlFile file = new SqlFile(db);
    String before = file.sha256();
    List<String> files = file.neighbours();
    for (String[] args : READING_COMMANDS) {
      CommandHarness.Result r = vis.run(args);
      assertThat(r.exitCode()).as(r::toString).isEqualTo(exitCode);
      assertThat(r.err()).as(r::toString).doesNotContain("Exception");
      for (String part : errContains) {
        assertThat(r.err()).as(r::toString).contains(part);
      }
      assertThat(file.sha256()).as(r + "\nthe database's bytes").isEqualTo(before);
      assertThat(file.neighbours())
          .as(r + "\nno -wal or -shm file left beside it")
          .isEqualTo(files);
    }
  }

  @Test
  void leave_a_vis_database_byte_for_byte_and_no_wal_or_shm_file_behind() throws Exception {
    assertThat(vis.run("run", spec.toString(), "--quiet").exitCode()).isZero();
    assertThat(new SqlFile(db).neighbours()).containsExactly("crm.yaml", "vis.db");
    assertReadingLeavesItAsItWas(0);
  }

  @Test
  void never_switch_the_journal_mode() throws Exception {
    assertThat(vis.run("run", spec.toString(), "--quiet").exitCode()).isZero();
    sql("PRAGMA journal_mode = DELETE"); // as after `sqlite3 vis.db .dump | sqlite3 copy.db`
    assertReadingLeavesItAsItWas(0);
    assertThat(new SqlFile(db).text("PRAGMA journal_mode")).isEqualTo("delete");
  }

  @Test
  void never_create_a_database() {
    for (String[] args : new String[][] {{"report"}, {"export"}, {"runs"}}) {
      CommandHarness.Result r = vis.run(args);
      assertThat(r.exitCode()).as(r::toString).isEqualTo(2);
      assertThat(r.err()).as(r::toString).contains("no database at " + db);
    }
    assertThat(db).doesNotExist();
  }

  /** {@code command} succeeds and leaves the database marked as a vis database. */
  private void assertMarkedAfter(String... command) throws Exception {
    vis.run(command).assertExit(0);
    assertThat(number("PRAGMA application_id")).isEqualTo(VIS_MARK);
  }

  @Nested
  class AnEmptyFile {
    @BeforeEach
    void create() throws Exception {
      Files.createFile(db);
    }

    @Test
    void is_refused_by_reading_commands_and_stays_empty() throws Exception {
      assertReadingLeavesItAsItWas(2, db + " is an empty file, not a vis database yet");
      assertThat(Files.size(db)).isZero();
    }

    @Test
    void becomes_a_vis_database_for_a_run() throws Exception {
      assertMarkedAfter("run", spec.toString(), "--quiet");
      assertThat(number("SELECT count(*) FROM answers")).isEqualTo(24);
    }
  }

  @Nested
  class AVisDatabaseFromBeforeTheMark {
    @BeforeEach
    void previousVersion() throws Exception {
      vis.run("run", spec.toString(), "--quiet").assertExit(0);
      sql("PRAGMA application_id = 0", "PRAGMA wal_checkpoint(TRUNCATE)");
      assertThat(number("PRAGMA application_id")).isZero();
    }

    @Test
    void is_read_as_it_is() throws Exception {
      assertReadingLeavesItAsItWas(0);
      assertThat(number("PRAGMA application_id")).isZero();
    }

    @Test
    void gets_the_mark_on_the_next_run_and_keeps_all_its_data() throws Exception {
      assertMarkedAfter("run", spec.toString(), "--quiet");
      assertThat(number("SELECT count(*) FROM runs")).isEqualTo(2);
      assertThat(number("SELECT count(*) FROM answers")).isEqualTo(48);
      assertThat(number("SELECT count(*) FROM mentions")).isPositive();
    }

    @Test
    void gets_the_mark_on_a_replay() throws Exception {
      assertMarkedAfter("replay", "latest");
      assertThat(number("SELECT count(*) FROM runs")).isEqualTo(2);
    }
  }

  @Nested
  class AnOlderSchema {
    @BeforeEach
    void schemaOne() throws Exception {
      vis.run("run", spec.toString(), "--quiet").assertExit(0);
      // what schemas 2 to 5 added, taken away again: the database of a vis from before them
      sql(
          "DROP TABLE run_results",
          "ALTER TABLE answers DROP COLUMN served_model",
          "ALTER TABLE mentions DROP COLUMN list",
          "ALTER TABLE mentions DROP COLUMN rule",
          "ALTER TABLE run_brands DROP COLUMN accent_sensitive",
          "ALTER TABLE answers DROP COLUMN searches",
          "ALTER TABLE answers DROP COLUMN price_search",
          "ALTER TABLE run_models DROP COLUMN price_search",
          "PRAGMA user_version = 1",
          "PRAGMA application_id = 0",
          "PRAGMA wal_checkpoint(TRUNCATE)");
    }

    @Test
    void is_not_upgraded_by_a_reading_command_which_says_what_will() throws Exception {
      assertReadingLeavesItAsItWas(
          2,
          db + ": this database has schema 1 from an older vis",
          "reading commands never upgrade a database",
          "the next `vis run`");
    }

    @Test
    void is_upgraded_by_the_next_run_keeping_every_answer() throws Exception {
      vis.run("run", spec.toString(), "--quiet").assertExit(0);
      assertThat(number("PRAGMA user_version")).isEqualTo(5);
      assertThat(number("SELECT count(*) FROM answers")).isEqualTo(48);
      assertThat(vis.run("report", "crm~1").exitCode()).isZero();
    }
  }
}
