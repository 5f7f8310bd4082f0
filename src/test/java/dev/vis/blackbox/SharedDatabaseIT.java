package dev.vis.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.SpecYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several vis processes on one database file at once, the file created by whichever comes first.
 */
class SharedDatabaseIT {
  static final String SPEC =
      SpecYaml.teams("%s", "a", "b", "c", "d", "e", "f")
          + """
      models:
        - id: sim
          provider: sim
          sim: {seed: %d}
      samples: 10
      concurrency: 6
      """;

  @TempDir java.nio.file.Path root;

  @Test
  void three_runs_started_together_on_a_new_file_all_complete() throws IOException {
    JarRunner vis = JarRunner.in(root).withEnv("VIS_SIM_LATENCY_MS", "5");
    SqliteProbe db = new SqliteProbe(vis.workDir().resolve("vis.db"));
    List<JarRunner.Running> runs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Files.writeString(vis.workDir().resolve("s" + i + ".yaml"), SPEC.formatted("s" + i, i));
    }
    for (int i = 1; i <= 3; i++) {
      runs.add(vis.start("run", "s" + i + ".yaml", "--quiet"));
    }
    for (JarRunner.Running run : runs) {
      try (run) {
        JarRunner.Result result = run.await(Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result::toString).isZero();
        assertThat(result.err()).as(result::toString).isEmpty();
      }
    }
    assertThat(db.number("SELECT count(*) FROM runs WHERE status = 'done'")).isEqualTo(3);
    assertThat(db.number(SqliteProbe.OK_TASKS)).isEqualTo(180);
    assertThat(db.number("SELECT count(*) FROM answers")).isEqualTo(180);
    assertThat(db.text("PRAGMA integrity_check")).isEqualTo("ok");
  }
}
