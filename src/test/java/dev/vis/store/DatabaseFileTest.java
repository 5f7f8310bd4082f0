package dev.vis.store;

import static dev.vis.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vis.VisException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseFileTest {
  @TempDir Path dir;
  private final Clock clock = Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC);

  private SqliteStore open(Path file, Access access) {
    return SqliteStore.open(file, access, clock, Map.of());
  }

  private static DatabaseFile.Kind inspect(Path file, String location) {
    return DatabaseFile.inspect(
        file,
        location,
        new SqliteErrors(location, file, Duration.ofMillis(200), MountTable.empty()));
  }

  private static void sql(Path file, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private static int pragma(Path file, String name) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet rs = c.createStatement().executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The application_id as it stands in the main file's header, without SQLite. */
  private static int headerMark(Path file) throws Exception {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      raf.seek(68);
      return raf.readInt();
    }
  }

  @Nested
  class ANewDatabase {
    @Test
    void carries_the_mark_in_its_header_from_the_start() throws Exception {
      Path file = dir.resolve("vis.db");
      try (SqliteStore store = open(file, Access.CREATE)) {
        store.createRun(
            StoreFixtures.newRun("01JDAAAAAAAAAAAAAAAAAAAAAA", StoreFixtures.spec("crm"), T0));
        // the WAL is not yet folded back, yet the header already says whose file it is
        assertThat(headerMark(file)).isEqualTo(DatabaseFile.APPLICATION_ID);
      }
      assertThat(pragma(file, "application_id")).isEqualTo(0x76697364);
      assertThat(inspect(file, "vis.db")).isEqualTo(DatabaseFile.Kind.MARKED);
    }

    @Test
    void an_existing_empty_file_becomes_one_for_a_command_that_creates() throws Exception {
      Path file = Files.createFile(dir.resolve("mktemp.db"));
      try (SqliteStore store = open(file, Access.CREATE)) {
        assertThat(store.runs()).isEmpty();
      }
      assertThat(pragma(file, "application_id")).isEqualTo(DatabaseFile.APPLICATION_ID);
      assertThat(pragma(file, "user_version")).isEqualTo(Migrations.LATEST);
    }

    @Test
    void an_existing_empty_file_is_refused_by_other_commands_and_stays_empty() throws Exception {
      Path file = Files.createFile(dir.resolve("empty.db"));
      for (Access access : new Access[] {Access.READ, Access.WRITE}) {
        assertThatThrownBy(() -> open(file, access))
            .isInstanceOf(VisException.class)
            .hasMessage(
                file
                    + " is an empty file, not a vis database yet (`vis run SPEC --db "
                    + file
                    + "` makes it one)")
            .extracting(e -> ((VisException) e).exitCode())
            .isEqualTo(2);
      }
      assertThat(Files.size(file)).isZero();
      assertThat(dir.resolve("empty.db-wal")).doesNotExist();
    }
  }

  @Nested
  class AVisDatabaseFromBeforeTheMark {
    private Path unmarked() throws Exception {
      Path file = dir.resolve("old.db");
      try (SqliteStore store = open(file, Access.CREATE)) {
        store.createRun(
            StoreFixtures.newRun("01JDAAAAAAAAAAAAAAAAAAAAAA", StoreFixtures.spec("crm"), T0));
        store.checkpoint();
      }
      sql(file, "PRAGMA application_id = 0", "PRAGMA wal_checkpoint(TRUNCATE)");
      assertThat(headerMark(file)).isZero();
      return file;
    }

    @Test
    void is_recognised_by_its_tables() throws Exception {
      assertThat(inspect(unmarked(), "old.db")).isEqualTo(DatabaseFile.Kind.UNMARKED);
    }

    @Test
    void is_read_without_being_marked() throws Exception {
      Path file = unmarked();
      byte[] before = Files.readAllBytes(file);
      try (SqliteStore store = open(file, Access.READ)) {
        assertThat(store.runs()).hasSize(1);
      }
      assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void gets_the_mark_on_the_next_write_and_keeps_its_runs() throws Exception {
      Path file = unmarked();
      try (SqliteStore store = open(file, Access.WRITE)) {
        assertThat(store.runs())
            .extracting(RunSummary::id)
            .containsExactly("01JDAAAAAAAAAAAAAAAAAAAAAA");
      }
      assertThat(pragma(file, "application_id")).isEqualTo(DatabaseFile.APPLICATION_ID);
      assertThat(pragma(file, "user_version")).isEqualTo(Migrations.LATEST);
    }

    @Test
    void is_known_as_vis_while_its_new_mark_is_still_in_the_write_ahead_log() throws Exception {
      Path file = unmarked();
      // a second connection keeps SQLite from folding the WAL back when the store closes
      try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file)) {
        holder.createStatement().executeQuery("PRAGMA user_version").close();
        open(file, Access.WRITE).close();
        assertThat(headerMark(file)).as("the header still has no mark").isZero();
        assertThat(inspect(file, "old.db")).isEqualTo(DatabaseFile.Kind.MARKED);
      }
    }

    @Test
    void held_locked_by_another_process_is_said_to_be_locked_not_foreign() throws Exception {
      Path file = unmarked();
      // another process holds the file in exclusive locking mode, so SQLite cannot read it at all
      try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement s = holder.createStatement()) {
        s.execute("PRAGMA locking_mode = EXCLUSIVE");
        s.execute("UPDATE runs SET name = name");
        assertThat(dir.resolve("old.db-wal")).exists();
        assertThatThrownBy(() -> inspect(file, "old.db"))
            .isInstanceOf(VisException.class)
            .hasMessageStartingWith(
                "old.db: the database stayed locked by another process for 200 ms")
            .extracting(e -> ((VisException) e).exitCode())
            .isEqualTo(1);
      }
    }
  }

  @Nested
  class AFileOfAnotherProgram {
    @Test
    void without_a_mark_is_told_apart_by_its_tables() throws Exception {
      Path file = dir.resolve("app.db");
      sql(file, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "CREATE TABLE runs (x)");
      assertThatThrownBy(() -> inspect(file, "app.db"))
          .isInstanceOf(VisException.class)
          .hasMessage(
              "app.db: not a vis database (it is an SQLite database with other tables than"
                  + " vis's: notes, runs); vis leaves it as it is: point --db (or VIS_DB) at a vis"
                  + " database, or at a new path");
    }

    @Test
    void with_its_own_mark_is_refused_by_the_mark() throws Exception {
      Path file = dir.resolve("app.db");
      sql(file, "PRAGMA application_id = " + 0x464f5331, "CREATE TABLE t (x)");
      assertThatThrownBy(() -> inspect(file, "app.db"))
          .isInstanceOf(VisException.class)
          .hasMessageContaining(
              "app.db: not a vis database (it is another program's SQLite database"
                  + " (application_id 0x464f5331))");
    }

    @Test
    void with_no_tables_at_all_is_refused() throws Exception {
      Path file = dir.resolve("blank.db");
      sql(file, "CREATE TABLE t (x)", "DROP TABLE t");
      assertThat(Files.size(file)).isPositive();
      assertThatThrownBy(() -> inspect(file, "blank.db"))
          .hasMessageContaining("blank.db: not a vis database (it is an SQLite database with no");
    }

    @Test
    void in_wal_mode_is_looked_at_without_creating_a_wal_or_shm_file() throws Exception {
      Path file = dir.resolve("wal.db");
      sql(file, "PRAGMA journal_mode = WAL", "CREATE TABLE notes (x)");
      assertThat(dir.resolve("wal.db-wal")).doesNotExist();
      byte[] before = Files.readAllBytes(file);
      assertThatThrownBy(() -> inspect(file, "wal.db"))
          .hasMessageContaining("wal.db: not a vis database");
      assertThat(Files.readAllBytes(file)).isEqualTo(before);
      assertThat(dir.resolve("wal.db-wal")).doesNotExist();
      assertThat(dir.resolve("wal.db-shm")).doesNotExist();
    }

    @Test
    void that_is_not_sqlite_at_all_is_refused_by_its_first_bytes() throws Exception {
      Path text = Files.writeString(dir.resolve("notes.txt"), "my notes\n".repeat(50));
      Path tiny = Files.writeString(dir.resolve("tiny"), "x");
      for (Path file : new Path[] {text, tiny}) {
        assertThatThrownBy(() -> inspect(file, file.toString()))
            .hasMessageStartingWith(file + ": not a vis database (it is not an SQLite file)");
      }
    }

    @Test
    void a_directory_is_refused() {
      assertThatThrownBy(() -> inspect(dir, "dir"))
          .hasMessage("dir: is a directory, not a database file");
    }
  }
}
