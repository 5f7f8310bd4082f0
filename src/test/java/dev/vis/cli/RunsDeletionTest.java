package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vis runs rm} and {@code prune} list what they delete, stop there on {@code --dry-run}, ask
 * on a terminal, need {@code --yes} elsewhere, and never leave a replay pointing at nothing.
 */
class RunsDeletionTest {
  @TempDir Path dir;
  CommandHarness vis;
  String first;
  String second;

  @BeforeEach
  void twoRuns() throws Exception {
    vis = new CommandHarness(dir);
    Path spec = dir.resolve("crm.yaml");
    Files.writeString(spec, SimRunTest.SPEC);
    first = vis.run("run", spec.toString(), "--quiet").runId();
    second = vis.run("run", spec.toString(), "--quiet").runId();
    assertThat(vis.count("SELECT count(*) FROM runs")).isEqualTo(2);
  }

  private void sql(String statement) throws Exception {
    new SqlFile(dir.resolve("vis.db")).execute(statement);
  }

  @Nested
  class Rm {
    @Test
    void off_a_terminal_without_yes_lists_the_run_deletes_nothing_and_exits_2() throws Exception {
      CommandHarness.Result rm = vis.run("runs", "rm", first);
      assertThat(rm.exitCode()).as(rm::toString).isEqualTo(2);
      assertThat(rm.err())
          .as(rm::toString)
          .contains("will delete 1 run with everything only they use")
          .contains(first + "  crm", "done", "24")
          .contains(
              "vis: not on a terminal, so nobody can confirm: nothing deleted; add --yes to delete"
                  + " this run (or --dry-run to only list what would go)");
      assertThat(rm.out()).isEmpty();
      assertThat(vis.count("SELECT count(*) FROM runs")).isEqualTo(2);
    }

    @Test
    void dry_run_lists_the_run_deletes_nothing_and_exits_0() throws Exception {
      CommandHarness.Result rm = vis.run("runs", "rm", first, second, "--dry-run");
      assertThat(rm.exitCode()).as(rm::toString).isZero();
      assertThat(rm.err())
          .contains("would delete 2 runs with everything only they use")
          .contains(first, second)
          .endsWith("dry run: nothing deleted\n");
      assertThat(vis.count("SELECT count(*) FROM runs")).isEqualTo(2);
    }

    @Test
    void with_yes_deletes_the_run_and_the_answers_no_other_run_uses() throws Exception {
      CommandHarness.Result rm = vis.run("runs", "rm", first, "--yes");
      assertThat(rm.exitCode()).as(rm::toString).isZero();
      assertThat(rm.err()).contains(first).endsWith("deleted 1 run\n");
      assertThat(vis.count("SELECT count(*) FROM runs")).isOne();
      assertThat(vis.count("SELECT count(*) FROM answers")).isEqualTo(24);
    }

    @Test
    void on_a_terminal_asks_and_deletes_on_yes() throws Exception {
      vis.terminal = true;
      vis.typed = "y\n";
      CommandHarness.Result rm = vis.run("runs", "rm", first);
      assertThat(rm.exitCode()).as(rm::toString).isZero();
      assertThat(rm.err()).contains("delete this run? [y/N] ").endsWith("deleted 1 run\n");
      assertThat(vis.count("SELECT count(*) FROM runs")).isOne();
    }

    @Test
    void on_a_terminal_keeps_everything_unless_the_answer_is_yes() throws Exception {
      vis.terminal = true;
      for (String typed : new String[] {"n\n", "\n", "", "yes please\n"}) {
        vis.typed = typed;
        CommandHarness.Result rm = vis.run("runs", "rm", first, second);
        assertThat(rm.exitCode()).as(rm::toString).isZero();
        assertThat(rm.err())
            .as(rm::toString)
            .contains("delete these 2 runs? [y/N] ")
            .endsWith("nothing deleted\n");
      }
      assertThat(vis.count("SELECT count(*) FROM runs")).isEqualTo(2);
    }

    @Test
    void refuses_a_run_that_a_replay_points_at_unless_the_replay_is_named_too() throws Exception {
      String replay = vis.run("replay", first).runId();
      String ofReplay = vis.run("replay", replay).runId();

      CommandHarness.Result rm = vis.run("runs", "rm", first, "--yes");
      assertThat(rm.exitCode()).as(rm::toString).isEqualTo(2);
      assertThat(rm.err())
          .as(rm::toString)
          .isEqualTo(
              ("vis: nothing deleted: replays %2$s, %3$s point at a run you named, and a replay is"
                      + " never left pointing at nothing; to delete them too, name them as well:"
                      + " vis runs rm %1$s %2$s %3$s\n")
                  .formatted(first, replay, ofReplay));
      assertThat(vis.count("SELECT count(*) FROM runs")).isEqualTo(4);

      CommandHarness.Result all = vis.run("runs", "rm", first, replay, ofReplay, "--yes");
      assertThat(all.exitCode()).as(all::toString).isZero();
      assertThat(all.err())
          .contains("replay of " + first, "replay of " + replay)
          .endsWith("deleted 3 runs\n");
      assertThat(vis.count("SELECT count(*) FROM runs")).isOne();
      assertThat(vis.count("SELECT count(*) FROM runs WHERE source_run_id IS NOT NULL")).isZero();
    }

    @Test
    void deletes_a_replay_alone_and_keeps_its_source() throws Exception {
      String replay = vis.run("replay", first).runId();
      vis.run("runs", "rm", replay, "--yes").assertExit(0);
      assertThat(vis.count("SELECT count(*) FROM runs")).isEqualTo(2);
      assertThat(vis.count("SELECT count(*) FROM answers")).isEqualTo(48);
    }
  }

  @Nested
  class Prune {
    @Test
    void older_than_0m_off_a_terminal_without_yes_deletes_nothing_and_exits_2() throws Exception {
      vis.run("runs", "prune", "--older-than", "0m")
          .assertExit(2, "will delete 2 runs", first, second, "add --yes to delete these 2 runs");
      assertThat(vis.count("SELECT count(*) FROM runs")).isEqualTo(2);
    }

    @Test
    void dry_run_lists_what_would_go() throws Exception {
      CommandHarness.Result prune =
          vis.run("runs", "prune", "--older-than", "0m", "--dry-run")
              .assertExit(0, "would delete 2 runs", first, second);
      assertThat(prune.err()).endsWith("dry run: nothing deleted\n");
      assertThat(vis.count("SELECT count(*) FROM runs")).isEqualTo(2);
    }

    @Test
    void with_yes_deletes_every_run_started_before_the_cutoff() throws Exception {
      sql("UPDATE runs SET created_at = '2020-01-01T00:00:00Z' WHERE id = '" + first + "'");
      CommandHarness.Result prune = vis.run("runs", "prune", "--older-than", "90d", "--yes");
      assertThat(prune.exitCode()).as(prune::toString).isZero();
      assertThat(prune.err()).contains(first).doesNotContain(second).endsWith("deleted 1 run\n");
      assertThat(vis.count("SELECT count(*) FROM runs WHERE id = '" + second + "'")).isOne();
    }

    @Test
    void keeps_a_run_that_a_younger_replay_points_at() throws Exception {
      String replay = vis.run("replay", first).runId();
      sql("UPDATE runs SET created_at = '2020-01-01T00:00:00Z' WHERE id = '" + first + "'");
      CommandHarness.Result prune = vis.run("runs", "prune", "--older-than", "90d", "--yes");
      assertThat(prune.exitCode()).as(prune::toString).isZero();
      assertThat(prune.err())
          .isEqualTo(
              "keeping "
                  + first
                  + " (crm): replay "
                  + replay
                  + " points at it and is not old enough to go\nnothing to delete\n");
      assertThat(vis.count("SELECT count(*) FROM runs")).isEqualTo(3);
    }

    @Test
    void with_nothing_old_enough_says_so_and_needs_no_yes() {
      CommandHarness.Result prune = vis.run("runs", "prune", "--older-than", "90d");
      assertThat(prune.exitCode()).as(prune::toString).isZero();
      assertThat(prune.err()).isEqualTo("no run started more than 90d ago to delete\n");
    }
  }
}
