package dev.vis.store;

import static dev.vis.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.analysis.AnswerAnalysis;
import dev.vis.analysis.Citation;
import dev.vis.analysis.CitationKind;
import dev.vis.analysis.MatchRule;
import dev.vis.analysis.Mention;
import dev.vis.analysis.ScoredAnswer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} does, asserted through the interface only: every method the commands
 * use. An implementation's test extends this class and says, in the two methods {@link
 * StoreContract} declares, how to open a fresh database of its kind and how to stamp a newer schema
 * version on it. This class holds the answers half of the contract; {@link StoreRunsContract} the
 * runs half.
 */
abstract class StoreContractTest extends StoreRunsContract {
  @Test
  void an_answer_is_stored_with_its_attempts_and_counted_in_its_run() {
    long[] tasks = tasksOfNewRunA();
    store.write(List.of(StoreFixtures.answered(tasks[0], "Try Acme CRM.")));

    RunSummary run = store.run(A);
    assertThat(List.of(run.ok(), run.failed(), run.pending(), run.unpriced()))
        .containsExactly(1L, 0L, 3L, 0L);
    assertThat(run.costUsd()).isEqualByComparingTo("0.0006");
    assertThat(store.unfinishedTasks(A)).extracting(PendingTask::id).doesNotContain(tasks[0]);
    assertThat(export(A, ExportTable.RESPONSES).get(0))
        .isEqualTo(
            plain(
                A,
                tasks[0],
                "best-crm",
                "What is the best CRM?",
                "sim-a",
                "sim",
                "sim",
                1,
                "ok",
                "Try Acme CRM.",
                null,
                1,
                120,
                100,
                50,
                0.0006,
                false,
                Timestamps.format(T0),
                0,
                "stop",
                "req-1",
                StoreFixtures.SERVED_MODEL));
  }

  @Test
  void a_failure_keeps_its_attempts_and_leaves_the_task_to_a_resume_that_answers_it() {
    long task = tasksOfNewRunA()[1];
    store.write(List.of(StoreFixtures.failed(task, "HTTP 500 twice", 1, 2)));

    RunSummary run = store.run(A);
    assertThat(List.of(run.ok(), run.failed(), run.pending())).containsExactly(0L, 1L, 3L);
    assertThat(store.unfinishedTasks(A))
        .filteredOn(t -> t.id() == task)
        .singleElement()
        .extracting(PendingTask::attempts)
        .isEqualTo(2);
    List<Object> failed = export(A, ExportTable.RESPONSES).get(1);
    assertThat(failed.subList(8, 12)).isEqualTo(plain("failed", null, "HTTP 500 twice", 2));
    assertThat(failed.get(17))
        .as("a failure is timed by the store's clock")
        .isEqualTo(Timestamps.format(T0.plusSeconds(5)));

    store.write(List.of(StoreFixtures.answered(task, "Acme CRM.", 3, Optional.empty(), false)));
    run = store.run(A);
    assertThat(List.of(run.ok(), run.failed(), run.pending())).containsExactly(1L, 0L, 3L);
    assertThat(export(A, ExportTable.RESPONSES).get(1).subList(8, 12))
        .isEqualTo(plain("ok", "Acme CRM.", null, 3));
  }

  @Test
  void a_failure_arriving_after_the_answer_never_replaces_it() {
    long task = tasksOfNewRunA()[0];
    store.write(List.of(StoreFixtures.answered(task, "Acme CRM.")));
    store.write(List.of(StoreFixtures.failed(task, "late", 2)));

    assertThat(store.run(A).ok()).isEqualTo(1);
    assertThat(store.run(A).failed()).isZero();
    assertThat(export(A, ExportTable.RESPONSES).get(0).subList(8, 11))
        .isEqualTo(plain("ok", "Acme CRM.", null));
  }

  @Test
  void an_answer_without_a_price_is_counted_as_unpriced_and_costs_nothing() {
    long[] tasks = tasksOfNewRunA();
    store.write(
        List.of(
            StoreFixtures.answered(tasks[0], "Acme.", 1, Optional.empty(), false),
            StoreFixtures.answered(tasks[1], "Acme.")));

    assertThat(store.run(A).unpriced()).isEqualTo(1);
    assertThat(store.run(A).costUsd()).isEqualByComparingTo("0.0006");
  }

  @Test
  void scored_answers_carry_their_mentions_citations_and_grounding_in_task_order() {
    long[] tasks = tasksOfNewRunA();
    store.write(List.of(StoreFixtures.answered(tasks[3], "Acme.", 1, Optional.empty(), true)));
    store.write(List.of(StoreFixtures.answered(tasks[1], "Acme.")));

    AnswerAnalysis acme = StoreFixtures.acmeAnalysis();
    assertThat(store.scoredAnswers(A))
        .containsExactly(
            new ScoredAnswer("cheap-crm", "sim-a", acme.mentions(), acme.citations(), false),
            new ScoredAnswer("cheap-crm", "sim-a", acme.mentions(), acme.citations(), true));
  }

  @Test
  void scored_answers_read_each_mentions_stored_list_and_rule_not_its_list_rank() {
    long task = tasksOfNewRunA()[0];
    store.write(List.of(StoreFixtures.answered(task, "Acme. Globex.\n\n- acme.com")));
    Mention secondary =
        new Mention("Acme CRM", 1, 1, OptionalInt.empty(), 14, OptionalInt.of(2), MatchRule.DOMAIN);
    Mention prose =
        new Mention("Globex", 1, 2, OptionalInt.empty(), 6, OptionalInt.empty(), MatchRule.ALIAS);
    store.write(
        List.of(
            new TaskOutcome.Analysed(
                task, new AnswerAnalysis(List.of(secondary, prose), List.of()))));

    assertThat(store.scoredAnswers(A))
        .singleElement()
        .satisfies(a -> assertThat(a.mentions()).containsExactly(secondary, prose));
  }

  @Test
  void a_new_analysis_replaces_an_answers_mentions_and_citations() {
    long task = tasksOfNewRunA()[0];
    store.write(List.of(StoreFixtures.answered(task, "Acme and Globex.")));
    Mention globex = new Mention("Globex", 1, 1, OptionalInt.empty(), 9);
    store.write(
        List.of(new TaskOutcome.Analysed(task, new AnswerAnalysis(List.of(globex), List.of()))));

    assertThat(store.scoredAnswers(A))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.mentions()).containsExactly(globex);
              assertThat(a.citations()).isEmpty();
            });
    assertThat(export(A, ExportTable.MENTIONS))
        .containsExactly(
            plain(A, task, "best-crm", "sim-a", 1, "Globex", 1, 1, null, 9, null, "name"));
    assertThat(export(A, ExportTable.CITATIONS)).isEmpty();
  }

  @Test
  void answers_stream_with_their_texts_and_sources_in_task_order() {
    long[] tasks = tasksOfNewRunA();
    store.write(List.of(StoreFixtures.answered(tasks[2], "Third.")));
    store.write(List.of(StoreFixtures.answered(tasks[0], "First.")));

    assertThat(answersOf(A))
        .containsExactly(
            StoreFixtures.stored(tasks[0], "best-crm", "First."),
            StoreFixtures.stored(tasks[2], "best-crm", "Third."));
  }

  @Test
  void one_write_of_many_outcomes_gives_each_task_its_own_answer_and_the_next_write_new_ones() {
    long[] tasks = tasksOfNewRunA();
    store.write(
        List.of(
            StoreFixtures.answered(tasks[2], "Third."),
            StoreFixtures.failed(tasks[1], "HTTP 500", 1, 2),
            StoreFixtures.answered(tasks[0], "First.")));
    store.write(
        List.of(
            StoreFixtures.answered(tasks[1], "Second."),
            StoreFixtures.answered(tasks[3], "Fourth.")));

    assertThat(answersOf(A))
        .containsExactly(
            StoreFixtures.stored(tasks[0], "best-crm", "First."),
            StoreFixtures.stored(tasks[1], "cheap-crm", "Second."),
            StoreFixtures.stored(tasks[2], "best-crm", "Third."),
            StoreFixtures.stored(tasks[3], "cheap-crm", "Fourth."));
    AnswerAnalysis acme = StoreFixtures.acmeAnalysis();
    assertThat(store.scoredAnswers(A))
        .hasSize(4)
        .allSatisfy(a -> assertThat(a.mentions()).isEqualTo(acme.mentions()));
    RunSummary run = store.run(A);
    assertThat(List.of(run.ok(), run.failed(), run.pending())).containsExactly(4L, 0L, 0L);
  }

  @Test
  void exports_stream_every_task_and_every_mention_and_citation_in_column_order() {
    create(A, "crm", 0);
    create(B, "crm", 1);
    long[] tasks = tasksOf(A);
    store.write(List.of(StoreFixtures.answered(tasks[1], "Acme CRM.")));
    store.write(List.of(StoreFixtures.answered(tasksOf(B)[0], "Acme CRM.")));

    List<List<Object>> responses = export(A, ExportTable.RESPONSES);
    assertThat(responses)
        .extracting(r -> r.get(1))
        .isEqualTo(plain(tasks[0], tasks[1], tasks[2], tasks[3]));
    assertThat(responses)
        .extracting(r -> r.get(8))
        .containsExactly("pending", "ok", "pending", "pending");
    assertThat(responses.get(0).subList(9, 12)).isEqualTo(plain(null, null, 0));
    assertThat(export(A, ExportTable.MENTIONS))
        .containsExactly(
            plain(A, tasks[1], "cheap-crm", "sim-a", 1, "Acme CRM", 2, 1, 1, 3, 1, "name"));
    assertThat(export(A, ExportTable.CITATIONS))
        .containsExactly(
            plain(
                A,
                tasks[1],
                "cheap-crm",
                "sim-a",
                1,
                "https://acme.com/a",
                "acme.com",
                "Acme CRM",
                "cited"));
  }

  @Test
  void served_models_are_counted_per_model_most_answers_first_unknown_ones_empty() {
    long[] tasks = tasksOfNewRunA();
    store.write(
        List.of(
            StoreFixtures.answeredBy(tasks[0], Optional.of("gpt-4o-2024-05-13")),
            StoreFixtures.answeredBy(tasks[1], Optional.of("gpt-4o-2024-08-06")),
            StoreFixtures.answeredBy(tasks[2], Optional.of("gpt-4o-2024-08-06")),
            StoreFixtures.answeredBy(tasks[3], Optional.empty())));

    assertThat(store.servedModels(A))
        .containsExactly(
            new ServedModel("sim-a", Optional.of("gpt-4o-2024-08-06"), 2),
            new ServedModel("sim-a", Optional.empty(), 1),
            new ServedModel("sim-a", Optional.of("gpt-4o-2024-05-13"), 1));
    assertThat(export(A, ExportTable.RESPONSES))
        .extracting(row -> row.get(ExportTable.RESPONSES.columns().indexOf("served_model")))
        .containsExactly("gpt-4o-2024-05-13", "gpt-4o-2024-08-06", "gpt-4o-2024-08-06", null);
  }

  @Test
  void a_replay_shares_its_sources_answers_costs_nothing_and_outlives_its_source() {
    NewRun source = create(A, "crm", 0);
    long[] tasks = tasksOf(A);
    store.write(List.of(StoreFixtures.answered(tasks[0], "Acme CRM.")));
    store.write(List.of(StoreFixtures.failed(tasks[1], "gave up", 1)));
    createReplayB(source);

    RunSummary replay = store.run(B);
    assertThat(replay.sourceRunId()).contains(A);
    assertThat(List.of(replay.ok(), replay.failed(), replay.pending(), replay.unpriced()))
        .containsExactly(1L, 1L, 2L, 0L);
    assertThat(replay.costUsd()).isEqualByComparingTo("0");
    assertThat(store.storedRun(B).spec()).isEqualTo(source.spec());
    List<StoredAnswer> answers = answersOf(B);
    assertThat(answers).singleElement().extracting(StoredAnswer::text).isEqualTo("Acme CRM.");

    long replayed = answers.get(0).taskId();
    store.write(
        List.of(new TaskOutcome.Analysed(replayed, new AnswerAnalysis(List.of(), List.of()))));
    assertThat(store.scoredAnswers(B))
        .singleElement()
        .satisfies(a -> assertThat(a.mentions()).isEmpty());
    assertThat(store.scoredAnswers(A))
        .singleElement()
        .satisfies(a -> assertThat(a.mentions()).hasSize(1));

    assertThat(store.delete(List.of(A))).isEqualTo(1);
    assertThat(store.run(B).sourceRunId()).as("the link goes with its source").isEmpty();
    assertThat(answersOf(B)).singleElement().extracting(StoredAnswer::text).isEqualTo("Acme CRM.");
  }

  @Test
  void a_replays_first_analyses_are_stored_as_given_and_leave_its_source_alone() {
    NewRun source = create(A, "crm", 0);
    store.write(List.of(StoreFixtures.answered(tasksOf(A)[0], "Acme CRM.")));
    createReplayB(source);
    long task = answersOf(B).get(0).taskId();
    Mention globex =
        new Mention("Globex", 2, 1, OptionalInt.of(1), 3, OptionalInt.of(1), MatchRule.NAME);
    Citation cited =
        new Citation(
            "https://globex.example/x",
            "globex.example",
            Optional.of("Globex"),
            CitationKind.CITED);

    store.writeFirstAnalyses(
        List.of(
            new TaskOutcome.Analysed(task, new AnswerAnalysis(List.of(globex), List.of(cited)))));

    assertThat(store.scoredAnswers(B))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.mentions()).containsExactly(globex);
              assertThat(a.citations()).containsExactly(cited);
            });
    assertThat(store.scoredAnswers(A))
        .singleElement()
        .satisfies(
            a -> assertThat(a.mentions()).extracting(Mention::brand).containsExactly("Acme CRM"));
  }

  @Test
  void deleting_runs_removes_them_and_counts_only_those_there_were() {
    create(A, "crm", 0);
    create(B, "crm", 1);
    create(C, "other", 2);
    store.write(List.of(StoreFixtures.answered(tasksOf(A)[0], "Acme.")));
    store.write(List.of(StoreFixtures.answered(tasksOf(B)[0], "Acme.")));

    assertThat(store.delete(List.of(A, C, "01JDZZZZZZZZZZZZZZZZZZZZZZ"))).isEqualTo(2);
    assertThat(store.runs()).extracting(RunSummary::id).containsExactly(B);
    assertThat(store.findRun(A)).isEmpty();
    assertThat(store.run(B).ok()).isEqualTo(1);
    assertThat(store.scoredAnswers(B)).hasSize(1);
    assertThat(store.delete(List.of())).isZero();
  }
}
