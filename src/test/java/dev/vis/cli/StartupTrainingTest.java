package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTrainingTest {
  @Test
  void every_training_command_succeeds_on_sim_and_over_http(@TempDir Path dir) throws Exception {
    assertThat(StartupTraining.train(dir)).isEmpty();

    CommandHarness vis = new CommandHarness(dir);
    String runs = vis.run("runs", "--db", dir.resolve("training.db").toString()).out();
    assertThat(runs).contains("training-sim").contains("training-http");
    assertThat(Files.exists(dir.resolve("training.db"))).isTrue();
  }
}
