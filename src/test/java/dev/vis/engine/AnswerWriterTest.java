package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.store.AttemptOutcome;
import dev.vis.store.AttemptRecord;
import dev.vis.store.PendingTask;
import dev.vis.store.RunSummary;
import dev.vis.store.TaskOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerWriterTest {
  @TempDir Path dir;
  EngineFixture fixture;
  String runId;
  List<PendingTask> tasks;
  final AtomicReference<RuntimeException> told = new AtomicReference<>();

  @BeforeEach
  void setUp() {
    fixture = new EngineFixture(dir);
    runId = fixture.newRun().summary().id();
    tasks = fixture.store.unfinishedTasks(runId);
  }

  private TaskOutcome failed(PendingTask task) {
    AttemptRecord attempt =
        new AttemptRecord(
            1,
            fixture.clock.instant(),
            5,
            OptionalInt.of(400),
            AttemptOutcome.FINAL,
            Optional.of("bad request"),
            Optional.empty());
    return new TaskOutcome.Failed(task.id(), List.of(attempt), "bad request");
  }

  @Test
  void commits_every_outcome_handed_to_it_before_close_returns() {
    AnswerWriter writer = new AnswerWriter(fixture.store, runId, fixture.clock, told::set);
    tasks.forEach(t -> writer.submit(failed(t)));
    writer.close();

    RunSummary after = fixture.store.findRun(runId).orElseThrow();
    assertThat(after.failed()).isEqualTo(tasks.size());
    assertThat(after.pending()).isZero();
    assertThat(writer.failure()).isEmpty();
    assertThat(told.get()).isNull();
  }

  @Test
  void stops_cleanly_with_nothing_to_write_and_its_thread_ends() {
    AnswerWriter writer = new AnswerWriter(fixture.store, runId, fixture.clock, told::set);
    writer.close();

    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("vis-writer") && t.isAlive());
    assertThat(fixture.store.findRun(runId).orElseThrow().pending()).isEqualTo(tasks.size());
    assertThat(writer.failure()).isEmpty();
  }

  /**
   * A worker's room for more leases follows the commit, not the hand-over: a worker killed between
   * the two would otherwise have taken on more tasks while answers were not yet safe.
   */
  @Test
  void tells_of_outcomes_only_once_they_are_committed() {
    AtomicInteger toldSoFar = new AtomicInteger();
    List<String> early = new CopyOnWriteArrayList<>();
    AnswerWriter writer =
        new AnswerWriter(
            fixture.store,
            runId,
            fixture.clock,
            new AnswerWriter.Listener() {
              @Override
              public void failed(RuntimeException failure) {
                told.set(failure);
              }

              @Override
              public void committed(int count) {
                long stored = tasks.size() - fixture.store.findRun(runId).orElseThrow().pending();
                if (toldSoFar.addAndGet(count) > stored) {
                  early.add(toldSoFar.get() + " told, " + stored + " stored");
                }
              }
            });
    tasks.forEach(t -> writer.submit(failed(t)));
    writer.close();

    assertThat(toldSoFar.get()).isEqualTo(tasks.size());
    assertThat(early).as("told before the outcomes were stored").isEmpty();
  }
}
