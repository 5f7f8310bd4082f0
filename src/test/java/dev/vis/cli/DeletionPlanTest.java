package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vis.VisException;
import dev.vis.store.RunStatus;
import dev.vis.store.RunSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeletionPlanTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static RunSummary run(String id, int day, RunStatus status, String source) {
    return new RunSummary(
        id,
        "crm",
        "crm.yaml",
        "ab",
        status,
        T0.plusSeconds(86_400L * day),
        Optional.empty(),
        Optional.ofNullable(source),
        10,
        0,
        0,
        BigDecimal.ZERO,
        0,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void rm_refuses_a_running_run() {
    RunSummary running = run("A", 0, RunStatus.RUNNING, null);
    assertThatThrownBy(() -> DeletionPlan.remove(List.of(running), List.of(running)))
        .isInstanceOf(VisException.class)
        .hasMessage("run A is running; stop it before deleting it")
        .extracting(e -> ((VisException) e).exitCode())
        .isEqualTo(2);
  }

  @Test
  void rm_takes_a_stale_run() {
    RunSummary stale = run("A", 0, RunStatus.STALE, null);
    assertThat(DeletionPlan.remove(List.of(stale), List.of(stale)).ids()).containsExactly("A");
  }

  @Test
  void prune_keeps_a_chain_of_replays_whose_newest_link_is_young() {
    // C replays B, which replays A; only A and B are old
    RunSummary a = run("A", 0, RunStatus.DONE, null);
    RunSummary b = run("B", 1, RunStatus.DONE, "A");
    RunSummary c = run("C", 30, RunStatus.DONE, "B");
    RunSummary d = run("D", 2, RunStatus.DONE, null);
    DeletionPlan plan = DeletionPlan.prune(List.of(c, d, b, a), T0.plusSeconds(86_400L * 10));
    assertThat(plan.ids()).containsExactly("D");
    assertThat(plan.kept()).containsEntry(b, c).containsEntry(a, b).hasSize(2);
  }

  @Test
  void prune_takes_a_run_with_its_replays_when_all_are_old() {
    RunSummary a = run("A", 0, RunStatus.DONE, null);
    RunSummary b = run("B", 1, RunStatus.DONE, "A");
    RunSummary running = run("R", 1, RunStatus.RUNNING, null);
    DeletionPlan plan = DeletionPlan.prune(List.of(running, b, a), T0.plusSeconds(86_400L * 10));
    assertThat(plan.ids()).containsExactly("B", "A");
    assertThat(plan.kept()).isEmpty();
  }
}
