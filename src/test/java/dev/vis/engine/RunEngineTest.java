package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.provider.ProviderFactory;
import dev.vis.spec.Secrets;
import dev.vis.store.PendingTask;
import dev.vis.store.RunSummary;
import dev.vis.store.StoredRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEngineTest {
  @TempDir Path dir;
  EngineFixture fixture;
  final List<AttemptEvent> attempts = Collections.synchronizedList(new ArrayList<>());
  RunEngine engine;

  @BeforeEach
  void setUp() {
    fixture = new EngineFixture(dir);
    engine =
        new RunEngine(
            fixture.store,
            new ProviderFactory(Map.of(), fixture.clock),
            new RunContext(
                fixture.clock,
                new EngineFixture.RecordingSleeper(fixture.clock),
                () -> 0.5,
                attempts::add,
                new Secrets()));
  }

  @Test
  void calls_every_pending_task_exactly_once_and_commits_its_answer() {
    StoredRun run = fixture.newRun();
    List<PendingTask> pending = fixture.store.unfinishedTasks(run.summary().id());

    RunOutcome outcome = engine.execute(run, pending, 4, RunEngine.Progress.NONE);

    assertThat(pending).hasSize(12);
    assertThat(outcome.ok()).isEqualTo(12);
    assertThat(outcome.calls()).isEqualTo(12);
    assertThat(outcome.interrupted()).isFalse();
    assertThat(attempts.stream().map(AttemptEvent::taskId).distinct())
        .containsExactlyInAnyOrderElementsOf(pending.stream().map(PendingTask::id).toList());
    assertThat(attempts).hasSize(12);
    RunSummary after = fixture.store.findRun(run.summary().id()).orElseThrow();
    assertThat(after.ok()).isEqualTo(12);
    assertThat(after.pending()).isZero();
  }

  @Test
  void a_worker_gets_room_back_for_each_task_once_its_outcome_is_stored() {
    StoredRun run = fixture.newRun();
    String id = run.summary().id();
    List<PendingTask> pending = fixture.store.unfinishedTasks(id);
    List<Long> storedWhenTold = Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicInteger told =
        new java.util.concurrent.atomic.AtomicInteger();
    RunShare share =
        new RunShare() {
          @Override
          public void finished(int count) {
            told.addAndGet(count);
            storedWhenTold.add(12 - fixture.store.findRun(id).orElseThrow().pending());
          }
        };

    engine.execute(run, pending, pending.size(), 4, RunEngine.Progress.NONE, share);

    assertThat(told.get()).as("every task's room comes back").isEqualTo(12);
    assertThat(storedWhenTold).isNotEmpty().allSatisfy(n -> assertThat(n).isPositive());
  }

  @Test
  void works_only_the_tasks_it_is_given() {
    StoredRun run = fixture.newRun();
    List<PendingTask> pending = fixture.store.unfinishedTasks(run.summary().id());

    RunOutcome outcome = engine.execute(run, pending.subList(0, 5), 2, RunEngine.Progress.NONE);

    assertThat(outcome.ok()).isEqualTo(5);
    assertThat(fixture.store.unfinishedTasks(run.summary().id()))
        .containsExactlyElementsOf(pending.subList(5, pending.size()));
  }

  @Test
  void an_interrupt_before_the_first_call_leaves_every_task_pending() {
    StoredRun run = fixture.newRun();
    List<PendingTask> pending = fixture.store.unfinishedTasks(run.summary().id());
    RunEngine.Progress interruptAtStart =
        new RunEngine.Progress() {
          @Override
          public void begin(long tasks) {
            engine.interrupt();
          }

          @Override
          public void update(ProgressSnapshot counts) {}
        };

    RunOutcome outcome = engine.execute(run, pending, 4, interruptAtStart);

    assertThat(outcome.interrupted()).isTrue();
    assertThat(outcome.calls()).isZero();
    assertThat(outcome.notStarted()).isEqualTo(12);
    assertThat(attempts).isEmpty();
    assertThat(fixture.store.unfinishedTasks(run.summary().id())).hasSize(12);
  }

  @Test
  void an_interrupt_during_the_run_stops_scheduling_and_keeps_what_was_answered() {
    StoredRun run = fixture.newRun();
    List<PendingTask> pending = fixture.store.unfinishedTasks(run.summary().id());
    RunEngine.Progress interruptAfterFirst = counts -> engine.interrupt();

    RunOutcome outcome = engine.execute(run, pending, 1, interruptAfterFirst);

    assertThat(outcome.interrupted()).isTrue();
    assertThat(outcome.ok()).isBetween(1L, 11L);
    RunSummary after = fixture.store.findRun(run.summary().id()).orElseThrow();
    assertThat(after.ok()).isEqualTo(outcome.ok());
    assertThat(after.pending()).isEqualTo(12 - outcome.ok());
  }
}
