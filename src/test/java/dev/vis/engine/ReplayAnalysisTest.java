package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vis.analysis.AnswerAnalyzer;
import dev.vis.spec.BrandSpec;
import dev.vis.store.StoredAnswer;
import dev.vis.store.TaskOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReplayAnalysisTest {
  private static final AnswerAnalyzer ANALYZER =
      new AnswerAnalyzer(
          List.of(
              new BrandSpec(
                  "Acme CRM", List.of("Acme"), List.of("acme.com"), List.of(), true, false, false),
              new BrandSpec("Globex", List.of(), List.of(), List.of(), false, false, false)));

  /** Answers that differ from one to the next, so a swapped pair shows in the analyses. */
  private static List<StoredAnswer> answers(int n) {
    List<StoredAnswer> answers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String text =
          switch (i % 3) {
            case 0 -> "1. Acme CRM\n2. Globex\n\nSee https://acme.com/p" + i;
            case 1 -> "Globex first, then Acme (" + i + ")";
            default -> "Nothing to name here " + i;
          };
      answers.add(new StoredAnswer(1000 + i, text, List.of(), "p", "m", false));
    }
    return answers;
  }

  @Test
  void analyses_on_several_threads_come_back_in_order_in_batches_of_whole_chunks() {
    List<StoredAnswer> answers = answers(103);
    List<List<TaskOutcome.Analysed>> batches = new ArrayList<>();
    long analysed;
    try (ReplayAnalysis analysis =
        new ReplayAnalysis(
            ANALYZER, 3, 4, 10, () -> {}, batch -> batches.add(List.copyOf(batch)), answer -> {})) {
      answers.forEach(analysis::add);
      analysed = analysis.finish();
    }

    assertThat(analysed).isEqualTo(103);
    // whole chunks of 4 until a batch holds at least 10: 12 each, and the 7 left at the end
    assertThat(batches).extracting(List::size).containsExactly(12, 12, 12, 12, 12, 12, 12, 12, 7);
    List<TaskOutcome.Analysed> expected =
        answers.stream()
            .map(a -> new TaskOutcome.Analysed(a.taskId(), ANALYZER.analyze(a.text(), a.sources())))
            .toList();
    assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(expected);
  }

  @Test
  void batches_are_written_on_one_writer_thread_while_the_adding_thread_reads_on() {
    List<String> writers = new CopyOnWriteArrayList<>();
    CountDownLatch firstWriteHeld = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<StoredAnswer> answers = answers(40);
    try (ReplayAnalysis analysis =
        new ReplayAnalysis(
            ANALYZER,
            1,
            2,
            10,
            () -> {},
            batch -> {
              writers.add(Thread.currentThread().getName());
              if (writers.size() == 1) {
                firstWriteHeld.countDown();
                await(release);
              }
            },
            answer -> {})) {
      // one thread keeps 4 chunks of 2 ahead: the 18th answer completes the first batch of 10
      answers.subList(0, 18).forEach(analysis::add);
      await(firstWriteHeld);
      // while the writer holds the first batch, the next nine answers are read and analysed
      answers.subList(18, 27).forEach(analysis::add);
      release.countDown();
      answers.subList(27, 40).forEach(analysis::add);
      assertThat(analysis.finish()).isEqualTo(40);
    }

    assertThat(writers).hasSize(4).containsOnly("vis-replay-writer");
  }

  @Test
  void
      a_failed_write_fails_the_adding_thread_with_its_own_exception_and_no_later_batch_is_written() {
    List<Integer> written = new ArrayList<>();
    IllegalStateException full = new IllegalStateException("disk full");
    Throwable thrown;
    try (ReplayAnalysis analysis =
        new ReplayAnalysis(
            ANALYZER,
            2,
            1,
            2,
            () -> {},
            batch -> {
              written.add(batch.size());
              throw full;
            },
            answer -> {})) {
      thrown =
          catchThrowable(
              () -> {
                answers(30).forEach(analysis::add);
                analysis.finish();
              });
    }

    assertThat(thrown).isSameAs(full);
    assertThat(written).containsExactly(2);
  }

  @Test
  void closing_waits_for_the_batch_being_written() {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean ended = new AtomicBoolean();
    Thread closer = Thread.currentThread();
    // lets the write end only once the closing thread waits: in close(), if close() waits
    Thread releaser =
        Thread.ofPlatform()
            .start(
                () -> {
                  await(writing);
                  while (closer.getState() != Thread.State.WAITING
                      && closer.getState() != Thread.State.TIMED_WAITING) {
                    Thread.onSpinWait();
                  }
                  release.countDown();
                });
    try (ReplayAnalysis analysis =
        new ReplayAnalysis(
            ANALYZER,
            1,
            1,
            1,
            () -> {},
            batch -> {
              writing.countDown();
              await(release);
              ended.set(true);
            },
            answer -> {})) {
      // one thread keeps 4 chunks of 1 ahead: the 5th answer hands the first on to be written
      answers(5).forEach(analysis::add);
      await(writing);
    }

    assertThat(ended).as("the write ended before close() returned").isTrue();
    Uninterruptibly.join(releaser);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void the_start_runs_on_the_writer_before_the_first_batch_and_with_no_answers_too() {
    List<String> writes = new CopyOnWriteArrayList<>();
    try (ReplayAnalysis analysis =
        new ReplayAnalysis(
            ANALYZER,
            2,
            2,
            4,
            () -> writes.add("start on " + Thread.currentThread().getName()),
            batch -> writes.add("batch of " + batch.size()),
            answer -> {})) {
      answers(6).forEach(analysis::add);
      analysis.finish();
    }
    List<String> alone = new CopyOnWriteArrayList<>();
    try (ReplayAnalysis analysis =
        new ReplayAnalysis(
            ANALYZER, 2, () -> alone.add("start"), batch -> alone.add("batch"), answer -> {})) {
      analysis.finish();
    }

    assertThat(writes).containsExactly("start on vis-replay-writer", "batch of 4", "batch of 2");
    assertThat(alone).containsExactly("start");
  }

  @Test
  void a_failed_start_fails_the_adding_thread_and_no_batch_is_written() {
    IllegalStateException locked = new IllegalStateException("database is locked");
    List<Integer> written = new CopyOnWriteArrayList<>();
    Throwable thrown;
    try (ReplayAnalysis analysis =
        new ReplayAnalysis(
            ANALYZER,
            2,
            1,
            2,
            () -> {
              throw locked;
            },
            batch -> written.add(batch.size()),
            answer -> {})) {
      thrown =
          catchThrowable(
              () -> {
                answers(30).forEach(analysis::add);
                analysis.finish();
              });
    }

    assertThat(thrown).isSameAs(locked);
    assertThat(written).isEmpty();
  }

  @Test
  void no_answers_make_no_batch() {
    List<List<TaskOutcome.Analysed>> batches = new ArrayList<>();
    try (ReplayAnalysis analysis =
        new ReplayAnalysis(ANALYZER, 2, () -> {}, batches::add, answer -> {})) {
      assertThat(analysis.finish()).isZero();
    }
    assertThat(batches).isEmpty();
  }

  @Test
  void every_answer_is_counted_in_order_on_the_writer_after_its_batch_with_its_cell() {
    List<String> events = new CopyOnWriteArrayList<>();
    List<StoredAnswer> sent = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      sent.add(
          new StoredAnswer(
              100 + i,
              i % 2 == 0 ? "Acme is best." : "Globex wins.",
              List.of(),
              "p" + i,
              "m",
              i == 3));
    }
    try (ReplayAnalysis analysis =
        new ReplayAnalysis(
            ANALYZER,
            2,
            2,
            4,
            () -> {},
            batch -> events.add("batch of " + batch.size()),
            answer ->
                events.add(
                    Thread.currentThread().getName()
                        + " "
                        + answer.promptId()
                        + " "
                        + answer.modelId()
                        + " "
                        + answer.grounded()
                        + " "
                        + answer.mentions().stream().map(m -> m.brand()).toList()))) {
      sent.forEach(analysis::add);
      analysis.finish();
    }

    assertThat(events)
        .containsExactly(
            "batch of 4",
            "vis-replay-writer p0 m false [Acme CRM]",
            "vis-replay-writer p1 m false [Globex]",
            "vis-replay-writer p2 m false [Acme CRM]",
            "vis-replay-writer p3 m true [Globex]",
            "batch of 3",
            "vis-replay-writer p4 m false [Acme CRM]",
            "vis-replay-writer p5 m false [Globex]",
            "vis-replay-writer p6 m false [Acme CRM]");
  }

  @Test
  void a_failed_analysis_fails_the_thread_that_adds_the_answers_with_its_own_exception() {
    try (ReplayAnalysis analysis =
        new ReplayAnalysis(ANALYZER, 2, 1, 5, () -> {}, batch -> {}, answer -> {})) {
      analysis.add(new StoredAnswer(1, "Acme", List.of(), "p", "m", false));
      assertThatThrownBy(
              () -> {
                analysis.add(new StoredAnswer(2, null, List.of(), "p", "m", false));
                analysis.finish();
              })
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("text");
    }
  }
}
