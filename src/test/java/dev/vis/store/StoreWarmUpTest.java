package dev.vis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreWarmUpTest {
  @TempDir Path dir;

  @Test
  void a_store_opened_after_the_warm_up_works_and_the_warm_up_wrote_no_file() throws Exception {
    StoreWarmUp.run();
    StoreWarmUp.run(); // a second time changes nothing

    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
    Path file = dir.resolve("vis.db");
    try (SqliteStore store = SqliteStore.open(file, Access.CREATE, Clock.systemUTC(), Map.of())) {
      assertThat(store.runs()).isEmpty();
    }
    assertThat(file).isRegularFile();
  }
}
