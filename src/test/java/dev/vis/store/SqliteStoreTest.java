package dev.vis.store;

import static dev.vis.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vis.VisException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite store does: its file, its journal, its migrations. */
class SqliteStoreTest {
  private static final String RUN = "01JDAAAAAAAAAAAAAAAAAAAAAA";

  @TempDir Path dir;
  private final Clock clock = Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC);

  private SqliteStore open() {
    return SqliteStore.open(dir.resolve("vis.db"), Access.CREATE, clock, Map.of());
  }

  @Nested
  class Opening {
    @Test
    void creates_the_file_readable_by_its_owner_only() throws Exception {
      try (SqliteStore store = open()) {
        store.checkpoint();
      }
      assertThat(
              PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("vis.db"))))
          .isEqualTo("rw-------");
    }

    @Test
    void a_reading_command_never_creates_a_database() {
      assertThatThrownBy(
              () -> SqliteStore.open(dir.resolve("none.db"), Access.READ, clock, Map.of()))
          .isInstanceOf(VisException.class)
          .hasMessageContaining("no database at " + dir.resolve("none.db"));
      assertThat(dir.resolve("none.db")).doesNotExist();
    }

    @Test
    void refuses_a_file_that_is_not_a_database() throws Exception {
      Files.writeString(
          dir.resolve("vis.db"),
          "this is a text file, not SQLite, and long enough to have a header".repeat(10));
      assertThatThrownBy(SqliteStoreTest.this::open)
          .isInstanceOf(VisException.class)
          .hasMessageContaining("not a vis database");
    }

    @Test
    void upgrades_a_database_of_schema_1_keeping_its_answers() throws Exception {
      String url = "jdbc:sqlite:" + dir.resolve("vis.db");
      org.jdbi.v3.core.Jdbi.create(url)
          .useHandle(
              h -> {
                Migrations.applyUpTo(h, "old.db", 1);
                h.execute(
                    "INSERT INTO answers (text, latency_ms, grounded, created_at)"
                        + " VALUES ('kept', 5, 0, '2026-01-01T00:00:00Z')");
              });

      try (SqliteStore store = open()) {
        store.checkpoint();
      }

      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        var rs = s.executeQuery("SELECT text, searches, price_search FROM answers");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("kept");
        assertThat(rs.getInt(2)).isZero();
        assertThat(rs.getString(3)).isNull();
        var version = s.executeQuery("PRAGMA user_version");
        version.next();
        assertThat(version.getInt(1)).isEqualTo(Migrations.LATEST);
      }
    }

    @Test
    void uses_wal_and_foreign_keys() throws Exception {
      try (SqliteStore store = open()) {
        store.createRun(StoreFixtures.newRun(RUN, StoreFixtures.spec("crm"), T0));
      }
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vis.db"));
          Statement s = c.createStatement()) {
        var rs = s.executeQuery("PRAGMA journal_mode");
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("wal");
      }
    }
  }

  @Nested
  class EndingACommandsWrites {
    private long walSize() throws Exception {
      Path wal = dir.resolve("vis.db-wal");
      return Files.exists(wal) ? Files.size(wal) : 0;
    }

    /** A store with one answer written, still in the write-ahead log. */
    private SqliteStore storeWithAnAnswerInTheLog() throws Exception {
      SqliteStore store = open();
      store.createRun(StoreFixtures.newRun(RUN, StoreFixtures.spec("crm"), T0));
      long task = store.unfinishedTasks(RUN).get(0).id();
      // the writer's connection stays open, so SQLite does not fold the log back by itself
      store.write(List.of(StoreFixtures.answered(task, "Acme CRM.")));
      assertThat(walSize()).isPositive();
      return store;
    }

    @Test
    void finishing_a_run_folds_the_write_ahead_log_into_the_one_file() throws Exception {
      try (SqliteStore store = storeWithAnAnswerInTheLog()) {
        store.finish(RUN, RunStatus.DONE, T0);
        assertThat(walSize()).isZero();
      }
    }

    @Test
    void deleting_runs_folds_the_write_ahead_log_into_the_one_file() throws Exception {
      try (SqliteStore store = storeWithAnAnswerInTheLog()) {
        store.delete(List.of(RUN));
        assertThat(walSize()).isZero();
      }
    }
  }
}
