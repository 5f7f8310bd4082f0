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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {
  @TempDir Path dir;
  private final Clock clock = Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC);

  private SqliteStore open() {
    return SqliteStore.open(
        dir.resolve("vis.db"), Access.CREATE, clock, SqliteStore.DEFAULT_BUSY_TIMEOUT);
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
              () ->
                  SqliteStore.open(
                      dir.resolve("none.db"), Access.READ, clock, SqliteStore.DEFAULT_BUSY_TIMEOUT))
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
    void refuses_a_database_from_a_newer_vis() throws Exception {
      try (SqliteStore store = open()) {
        store.checkpoint();
      }
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vis.db"));
          Statement s = c.createStatement()) {
        s.execute("PRAGMA user_version = 99");
      }
      assertThatThrownBy(SqliteStoreTest.this::open)
          .isInstanceOf(VisException.class)
          .hasMessageContaining("written by a newer vis")
          .hasMessageContaining("upgrade vis");
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
        store.createRun(
            StoreFixtures.newRun("01JDAAAAAAAAAAAAAAAAAAAAAA", StoreFixtures.spec("crm"), T0));
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
  class Runs {
    @Test
    void stores_a_run_with_its_resolved_spec_and_tasks() {
      try (SqliteStore store = open()) {
        store.createRun(
            StoreFixtures.newRun("01JDAAAAAAAAAAAAAAAAAAAAAA", StoreFixtures.spec("crm"), T0));
        StoredRun run = store.storedRun("01JDAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(run.spec().brands()).isEqualTo(StoreFixtures.spec("crm").brands());
        assertThat(run.spec().prompts()).isEqualTo(StoreFixtures.spec("crm").prompts());
        assertThat(run.spec().models()).isEqualTo(StoreFixtures.spec("crm").models());
        assertThat(run.spec().samples()).isEqualTo(2);
        assertThat(run.models().get(0).price()).isPresent();
        assertThat(store.unfinishedTasks(run.summary().id())).hasSize(4);
        assertThat(run.summary().status()).isEqualTo(RunStatus.RUNNING);
      }
    }

    @Test
    void resolves_ids_prefixes_latest_names_and_name_tilde_n() {
      try (SqliteStore store = open()) {
        store.createRun(
            StoreFixtures.newRun("01JDAAAAAAAAAAAAAAAAAAAAAA", StoreFixtures.spec("crm"), T0));
        store.createRun(
            StoreFixtures.newRun(
                "01JDBBBBBBBBBBBBBBBBBBBBBB", StoreFixtures.spec("crm"), T0.plusSeconds(1)));
        store.createRun(
            StoreFixtures.newRun(
                "01JDCCCCCCCCCCCCCCCCCCCCCC", StoreFixtures.spec("other"), T0.plusSeconds(2)));
        store.finish("01JDAAAAAAAAAAAAAAAAAAAAAA", RunStatus.DONE, T0);
        store.finish("01JDBBBBBBBBBBBBBBBBBBBBBB", RunStatus.DONE, T0);
        assertThat(store.run("01JDAAAAAAAAAAAAAAAAAAAAAA").id())
            .isEqualTo("01JDAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(store.run("01jdbbb").id()).isEqualTo("01JDBBBBBBBBBBBBBBBBBBBBBB");
        assertThat(store.run("crm").id()).isEqualTo("01JDBBBBBBBBBBBBBBBBBBBBBB");
        assertThat(store.run("crm~1").id()).isEqualTo("01JDAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(store.run("latest").id()).isEqualTo("01JDBBBBBBBBBBBBBBBBBBBBBB");
        assertThatThrownBy(() -> store.run("01JD"))
            .isInstanceOf(VisException.class)
            .hasMessageContaining("ambiguous");
        assertThatThrownBy(() -> store.run("crm~5"))
            .isInstanceOf(VisException.class)
            .hasMessageContaining("has only 2 run(s)");
        assertThatThrownBy(() -> store.run("nope"))
            .isInstanceOf(VisException.class)
            .hasMessageContaining("no run 'nope'");
      }
    }

    @Test
    void a_running_run_whose_process_is_gone_is_stale() {
      try (SqliteStore store = open()) {
        NewRun run =
            StoreFixtures.newRun(
                "01JDAAAAAAAAAAAAAAAAAAAAAA",
                StoreFixtures.spec("crm"),
                T0,
                new Owner(Owner.current().host(), Long.MAX_VALUE - 1));
        store.createRun(run);
        assertThat(store.run(run.id()).status()).isEqualTo(RunStatus.STALE);
        store.claim(run.id(), Owner.current(), T0); // a stale run may be taken over
        assertThat(store.run(run.id()).status()).isEqualTo(RunStatus.RUNNING);
      }
    }

    @Test
    void refuses_to_claim_a_run_a_live_process_works() {
      try (SqliteStore store = open()) {
        NewRun run =
            StoreFixtures.newRun(
                "01JDAAAAAAAAAAAAAAAAAAAAAA",
                StoreFixtures.spec("crm"),
                T0,
                new Owner("elsewhere", 42));
        store.createRun(run);
        assertThatThrownBy(() -> store.claim(run.id(), Owner.current(), T0.plusSeconds(2)))
            .isInstanceOf(VisException.class)
            .hasMessageContaining("is being worked by process 42 on elsewhere");
      }
    }
  }

  @Nested
  class Outcomes {
    @Test
    void an_answer_is_stored_with_its_attempts_mentions_and_citations() {
      try (SqliteStore store = open()) {
        NewRun run =
            StoreFixtures.newRun("01JDAAAAAAAAAAAAAAAAAAAAAA", StoreFixtures.spec("crm"), T0);
        store.createRun(run);
        long task = store.unfinishedTasks(run.id()).get(0).id();
        store.write(List.of(StoreFixtures.answered(task, "Try Acme, then Acme again.")));
        store.write(
            List.of(
                new TaskOutcome.Failed(
                    store.unfinishedTasks(run.id()).get(0).id(),
                    List.of(
                        new AttemptRecord(
                            1,
                            T0,
                            5,
                            OptionalInt.of(500),
                            AttemptOutcome.RETRYABLE,
                            Optional.of("HTTP 500"),
                            Optional.of("oops"))),
                    "gave up")));
        RunSummary summary = store.run(run.id());
        assertThat(summary.ok()).isEqualTo(1);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.pending()).isEqualTo(2);
        assertThat(summary.costUsd()).isEqualByComparingTo("0.0006");
        assertThat(store.unfinishedTasks(run.id())).hasSize(3);
        assertThat(store.scoredAnswers(run.id()))
            .singleElement()
            .satisfies(
                a -> {
                  assertThat(a.mentions()).extracting("brand").containsExactly("Acme CRM");
                  assertThat(a.citations()).extracting("domain").containsExactly("acme.com");
                });
        List<List<Object>> rows = new ArrayList<>();
        store.export(run.id(), ExportTable.RESPONSES, rows::add);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).hasSize(ExportTable.RESPONSES.columns().size());
        assertThat(rows.get(0).get(9)).isEqualTo("Try Acme, then Acme again.");
        assertThat(rows.get(0).get(16)).isEqualTo(false);
        List<List<Object>> mentions = new ArrayList<>();
        store.export(run.id(), ExportTable.MENTIONS, mentions::add);
        assertThat(mentions)
            .singleElement()
            .satisfies(r -> assertThat(r.subList(5, 10)).containsExactly("Acme CRM", 2, 1, 1, 3));
      }
    }

    @Test
    void a_replay_shares_the_answers_without_copying_them_and_deleting_the_source_keeps_them() {
      try (SqliteStore store = open()) {
        NewRun run =
            StoreFixtures.newRun("01JDAAAAAAAAAAAAAAAAAAAAAA", StoreFixtures.spec("crm"), T0);
        store.createRun(run);
        long task = store.unfinishedTasks(run.id()).get(0).id();
        store.write(List.of(StoreFixtures.answered(task, "Acme.")));
        NewRun replay =
            new NewRun(
                "01JDBBBBBBBBBBBBBBBBBBBBBB",
                run.specPath(),
                run.specText(),
                run.specSha256(),
                run.spec(),
                run.models(),
                List.of(),
                Optional.of(run.id()),
                T0,
                run.owner(),
                run.specSamples());
        store.createRun(replay);
        List<StoredAnswer> answers = new ArrayList<>();
        store.forEachAnswer(replay.id(), answers::add);
        assertThat(answers)
            .singleElement()
            .satisfies(
                a -> {
                  assertThat(a.text()).isEqualTo("Acme.");
                  assertThat(a.sources()).hasSize(1);
                });
        assertThat(store.delete(List.of(run.id()))).isEqualTo(1);
        answers.clear();
        store.forEachAnswer(replay.id(), answers::add);
        assertThat(answers).hasSize(1);
      }
    }
  }
}
