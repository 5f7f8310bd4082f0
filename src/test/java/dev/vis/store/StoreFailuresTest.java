package dev.vis.store;

import static dev.vis.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vis.VisException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store says when the file system fails under it, keyed on SQLite's result codes. */
class StoreFailuresTest {
  private static final String RUN = "01JDAAAAAAAAAAAAAAAAAAAAAA";

  @TempDir Path dir;
  private final Clock clock = Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC);

  private SqliteStore open(Path file, MountTable mounts, int maxPages) {
    return SqliteStore.open(
        file,
        Access.CREATE,
        clock,
        Map.of(),
        new SqliteConnections.Settings(Duration.ofSeconds(1), mounts, maxPages));
  }

  private static long firstTask(SqliteStore store) {
    return store.unfinishedTasks(RUN).get(0).id();
  }

  @Nested
  class AWalFileDeletedUnderARunningVis {
    /** Deletes the -wal and -shm files while the writer's connection holds them open. */
    private VisException deleteTheWalWhileWriting(MountTable mounts) throws Exception {
      Path file = dir.resolve("vis.db");
      try (SqliteStore store = open(file, mounts, 0)) {
        store.createRun(StoreFixtures.newRun(RUN, StoreFixtures.spec("crm"), T0));
        store.write(List.of(StoreFixtures.answered(firstTask(store), "Acme CRM.")));
        Files.delete(dir.resolve("vis.db-wal"));
        Files.delete(dir.resolve("vis.db-shm"));
        return catchThrowableOfType(VisException.class, store::runs);
      }
    }

    @Test
    void on_a_local_disk_says_another_program_changed_its_files_not_network() throws Exception {
      VisException e = deleteTheWalWhileWriting(MountTable.parse("/dev/sda1 / ext4 rw 0 0"));
      assertThat(e.exitCode()).isEqualTo(1);
      assertThat(e.getMessage())
          .startsWith(dir.resolve("vis.db") + ": SQLite I/O error (")
          .endsWith(
              "); the database, or the vis.db-wal or vis.db-shm file beside it, changed under vis:"
                  + " another program may have deleted, moved or replaced one (a cleanup job, a"
                  + " sync tool), or the disk failed; leave these files alone while vis works, then"
                  + " run the command again")
          .doesNotContain("network");
    }

    @Test
    void on_a_network_file_system_names_it() throws Exception {
      MountTable nfs =
          MountTable.parse("/dev/sda1 / ext4 rw 0 0\nnas:/team " + dir.toRealPath() + " nfs4 rw");
      VisException e = deleteTheWalWhileWriting(nfs);
      assertThat(e.exitCode()).isEqualTo(1);
      assertThat(e.getMessage())
          .startsWith(dir.resolve("vis.db") + ": SQLite I/O error (")
          .endsWith(
              "); the database is on a network file system (nfs4), where SQLite's WAL mode does"
                  + " not work: keep the database on a local disk");
    }
  }

  @Nested
  class AFullDisk {
    @Test
    void ends_a_write_with_a_disk_full_error_and_keeps_what_was_committed() throws Exception {
      Path file = dir.resolve("vis.db");
      long pages;
      try (SqliteStore store = open(file, MountTable.empty(), 0)) {
        store.createRun(StoreFixtures.newRun(RUN, StoreFixtures.spec("crm"), T0));
        store.checkpoint();
        pages = Files.size(file) / 4096;
      }
      int written = 0;
      DiskFullException full = null;
      // SQLite's page limit fills the "disk" with the same SQLITE_FULL a full disk gives
      try (SqliteStore store = open(file, MountTable.empty(), (int) pages + 3)) {
        String big = "Acme CRM leads. ".repeat(400);
        for (PendingTask task : store.unfinishedTasks(RUN)) {
          try {
            store.write(List.of(StoreFixtures.answered(task.id(), big)));
            written++;
          } catch (DiskFullException e) {
            full = e;
            break;
          }
        }
      }
      assertThat(full).as("the page limit was reached").isNotNull();
      assertThat(full.exitCode()).isEqualTo(1);
      assertThat(full.location()).isEqualTo(file.toString());
      assertThat(full.getMessage())
          .isEqualTo(
              file
                  + ": the disk is full, so SQLite could not write; everything stored before is"
                  + " kept: free some space and run the command again");
      assertThat(written).isPositive();
      try (SqliteStore store = open(file, MountTable.empty(), 0)) {
        assertThat(store.findRun(RUN).orElseThrow().ok()).isEqualTo(written);
      }
    }
  }
}
