package dev.vis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
  @TempDir Path dir;

  @Test
  void a_new_file_gets_every_step_and_the_latest_version() {
    Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("vis.db"));

    jdbi.useHandle(h -> Migrations.apply(h, "vis.db"));

    assertThat(version(jdbi)).isEqualTo(Migrations.LATEST);
    assertThat(tables(jdbi)).containsAll(SchemaSteps.TABLES);
  }

  @Test
  void a_schema_statement_that_fails_rolls_its_step_back_and_surfaces_as_a_jdbi_error() {
    Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("vis.db"));
    jdbi.useHandle(h -> h.execute("CREATE TABLE tasks (x INTEGER)"));

    assertThatThrownBy(() -> jdbi.useHandle(h -> Migrations.apply(h, "vis.db")))
        .isInstanceOf(JdbiException.class)
        .hasMessageContaining("already exists");

    assertThat(version(jdbi)).isZero();
    assertThat(tables(jdbi)).containsExactly("tasks");
  }

  private static int version(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("PRAGMA user_version").mapTo(Integer.class).one());
  }

  private static java.util.List<String> tables(Jdbi jdbi) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                .mapTo(String.class)
                .list());
  }
}
