package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarmUpTest {
  @Test
  void a_run_gets_the_store_set_up_ahead() {
    assertThat(WarmUp.opensStore(new String[] {"run", "spec.yaml", "--db", "x.db"})).isTrue();
    assertThat(WarmUp.opensStore(new String[] {"--verbose", "run", "spec.yaml"})).isTrue();
    assertThat(WarmUp.opensStore(new String[] {"run", "spec.yaml", "--resume"})).isTrue();
  }

  @Test
  void help_the_version_a_dry_run_and_other_commands_get_none() {
    // they open their database right after picocli: too soon for the set-up to overlap anything
    assertThat(WarmUp.opensStore(new String[] {"report", "latest"})).isFalse();
    assertThat(WarmUp.opensStore(new String[] {"runs"})).isFalse();
    assertThat(WarmUp.opensStore(new String[] {})).isFalse();
    assertThat(WarmUp.opensStore(new String[] {"--version"})).isFalse();
    assertThat(WarmUp.opensStore(new String[] {"report", "--help"})).isFalse();
    assertThat(WarmUp.opensStore(new String[] {"run", "spec.yaml", "--dry-run"})).isFalse();
    assertThat(WarmUp.opensStore(new String[] {"validate", "spec.yaml"})).isFalse();
    assertThat(WarmUp.opensStore(new String[] {"completion", "bash"})).isFalse();
    assertThat(WarmUp.opensStore(new String[] {"help", "run"})).isFalse();
    assertThat(WarmUp.start(new String[] {"validate", "spec.yaml"})).isEmpty();
  }

  @Test
  void every_command_named_for_the_warm_up_is_a_subcommand() {
    List<String> names = VisCommand.SUBCOMMANDS.stream().map(VisCommand::name).toList();

    assertThat(names).containsAll(WarmUp.STORE_COMMANDS);
  }

  @Test
  void finishing_waits_for_the_set_up_to_end() {
    Optional<Thread> warmUp = WarmUp.start(new String[] {"run", "spec.yaml"});
    assertThat(warmUp).isPresent();

    WarmUp.finish(warmUp);

    assertThat(warmUp.get().isAlive()).isFalse();
    assertThat(warmUp.get().isDaemon()).isTrue();
  }
}
