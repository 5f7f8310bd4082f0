package dev.vis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vis.analysis.AnswerAnalyzer;
import dev.vis.spec.BrandSpec;
import dev.vis.store.StoredAnswer;
import dev.vis.store.TaskOutcome;
import java.util.ArrayList;
import java.util.List;
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
      answers.add(new StoredAnswer(1000 + i, text, List.of()));
    }
    return answers;
  }

  @Test
  void analyses_on_several_threads_come_back_in_order_in_batches_of_whole_chunks() {
    List<StoredAnswer> answers = answers(103);
    List<List<TaskOutcome.Analysed>> batches = new ArrayList<>();
    long analysed;
    try (ReplayAnalysis analysis =
        new ReplayAnalysis(ANALYZER, 3, 4, 10, batch -> batches.add(List.copyOf(batch)))) {
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
  void no_answers_make_no_batch() {
    List<List<TaskOutcome.Analysed>> batches = new ArrayList<>();
    try (ReplayAnalysis analysis = new ReplayAnalysis(ANALYZER, 2, batches::add)) {
      assertThat(analysis.finish()).isZero();
    }
    assertThat(batches).isEmpty();
  }

  @Test
  void a_failed_analysis_fails_the_thread_that_adds_the_answers_with_its_own_exception() {
    try (ReplayAnalysis analysis = new ReplayAnalysis(ANALYZER, 2, 1, 5, batch -> {})) {
      analysis.add(new StoredAnswer(1, "Acme", List.of()));
      assertThatThrownBy(
              () -> {
                analysis.add(new StoredAnswer(2, null, List.of()));
                analysis.finish();
              })
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("text");
    }
  }
}
