package dev.vis.store;

import static dev.vis.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.vis.VisException;
import dev.vis.analysis.AnswerAnalysis;
import dev.vis.analysis.ScoredAnswer;
import dev.vis.spec.BudgetSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The run half of the store contract ({@link StoreContractTest}): runs, their references, owners
 * and statuses, and the schema version; asserted through {@link Store} only.
 */
abstract class StoreRunsContract extends StoreReplayContract {
  @Test
  void creates_a_run_with_its_resolved_spec_and_its_tasks_in_call_order() {
    NewRun run = create(A, "crm", 0);

    StoredRun stored = store.storedRun(A);
    assertThat(stored.spec()).isEqualTo(run.spec());
    assertThat(stored.models()).isEqualTo(run.models());
    assertThat(stored.specText()).isEqualTo(run.specText());
    assertThat(stored.specSamples()).isEqualTo(run.specSamples());
    assertThat(stored.summary())
        .usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(
            new RunSummary(
                A,
                "crm",
                "spec.yaml",
                run.specSha256(),
                RunStatus.RUNNING,
                T0,
                Optional.empty(),
                Optional.empty(),
                0,
                0,
                4,
                BigDecimal.ZERO,
                0,
                Optional.of(ME),
                Optional.of(T0)));
    assertThat(store.unfinishedTasks(A))
        .extracting(
            PendingTask::seq,
            PendingTask::promptId,
            PendingTask::modelId,
            PendingTask::sample,
            PendingTask::attempts)
        .containsExactly(
            tuple(0, "best-crm", "sim-a", 1, 0),
            tuple(1, "cheap-crm", "sim-a", 1, 0),
            tuple(2, "best-crm", "sim-a", 2, 0),
            tuple(3, "cheap-crm", "sim-a", 2, 0));
  }

  @Test
  void finds_a_run_by_its_exact_id_only_and_lists_runs_newest_first() {
    create(A, "crm", 0);
    create(B, "crm", 1);
    create(C, "other", 2);

    assertThat(store.findRun(B)).map(RunSummary::id).contains(B);
    assertThat(store.findRun("01JDBBBB")).isEmpty();
    assertThat(store.findRun("01JDZZZZZZZZZZZZZZZZZZZZZZ")).isEmpty();
    assertThat(store.runs()).extracting(RunSummary::id).containsExactly(C, B, A);
  }

  @Test
  void resolves_an_id_a_prefix_latest_a_name_and_name_tilde_n() {
    create(A, "crm", 0);
    create(B, "crm", 1);
    create(C, "other", 2);
    store.finish(A, RunStatus.DONE, T0.plusSeconds(3));
    store.finish(B, RunStatus.DONE, T0.plusSeconds(3));

    assertThat(store.run(A).id()).isEqualTo(A);
    assertThat(store.run(" " + B.toLowerCase(java.util.Locale.ROOT) + " ").id()).isEqualTo(B);
    assertThat(store.run("01jdbbb").id()).isEqualTo(B);
    assertThat(store.run("crm").id()).isEqualTo(B);
    assertThat(store.run("crm~0").id()).isEqualTo(B);
    assertThat(store.run("crm~1").id()).isEqualTo(A);
    assertThat(store.run("other").id()).isEqualTo(C);
    assertThat(store.run("latest").id()).as("C still runs").isEqualTo(B);
  }

  @Test
  void refuses_an_ambiguous_prefix_a_name_tilde_n_past_its_runs_and_an_unknown_reference() {
    create(A, "crm", 0);
    create(B, "crm", 1);
    create(C, "other", 2);

    assertThat(catchThrowableOfType(VisException.class, () -> store.run("01JD")))
        .hasMessage(
            "run '01JD' is ambiguous: it starts 3 run ids ("
                + C
                + ", "
                + B
                + ", "
                + A
                + "); give more characters")
        .extracting(VisException::exitCode)
        .isEqualTo(2);
    assertThatThrownBy(() -> store.run("crm~2")).hasMessage("run 'crm~2': 'crm' has only 2 run(s)");
    assertThatThrownBy(() -> store.run("nope"))
        .hasMessageStartingWith("no run 'nope' in ")
        .hasMessageEndingWith(
            " (give a run id, a prefix of at least 4 characters, 'latest', a spec name or NAME~N;"
                + " `vis runs` lists them)");
  }

  @Test
  void an_empty_database_has_no_run_to_resolve_nor_latest_while_every_run_runs() {
    assertThatThrownBy(() -> store.run("latest"))
        .isInstanceOf(VisException.class)
        .hasMessageEndingWith(" holds no runs yet (run `vis run SPEC` first)");
    assertThat(store.runs()).isEmpty();

    create(A, "crm", 0);
    assertThatThrownBy(() -> store.run("latest")).hasMessageEndingWith(" is still running");
  }

  @Test
  void claims_a_run_for_its_owner_unless_a_live_process_elsewhere_works_it() {
    store.createRun(newRun(A, "crm", T0, ELSEWHERE));
    assertThat(store.run(A).status()).as("heard from 5 s ago").isEqualTo(RunStatus.RUNNING);

    assertThat(catchThrowableOfType(VisException.class, () -> store.claim(A, ME, T0)))
        .hasMessage(
            "run "
                + A
                + " is being worked by process 42 on elsewhere (last heartbeat"
                + " 2026-11-22T10:00:00.000Z); wait for it, or stop it first")
        .extracting(VisException::exitCode)
        .isEqualTo(2);

    store.finish(A, RunStatus.INTERRUPTED, T0.plusSeconds(2));
    store.claim(A, ME, T0.plusSeconds(4));
    RunSummary claimed = store.run(A);
    assertThat(claimed.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(claimed.owner()).contains(ME);
    assertThat(claimed.heartbeatAt()).contains(T0.plusSeconds(4));
    assertThat(claimed.finishedAt()).isEmpty();
    store.claim(A, ME, T0.plusSeconds(5)); // its own owner may claim it again
  }

  @Test
  void a_new_run_is_recorded_as_a_claim_by_its_creator_would_leave_it() {
    // RunService starts a new run without claiming it: the creation must hold it already
    store.createRun(newRun(A, "crm", T0, ME));

    RunSummary created = store.run(A);
    assertThat(created.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(created.owner()).contains(ME);
    assertThat(created.heartbeatAt()).contains(T0);
    assertThat(created.finishedAt()).isEmpty();
    assertThatThrownBy(() -> store.claim(A, ELSEWHERE, T0.plusSeconds(1)))
        .hasMessageContaining("is being worked by process");
  }

  @Test
  void a_run_whose_process_is_gone_from_this_host_is_stale_and_may_be_taken_over() {
    store.createRun(newRun(A, "crm", T0, GONE));
    assertThat(store.run(A).status()).isEqualTo(RunStatus.STALE);
    assertThat(store.runs()).extracting(RunSummary::status).containsExactly(RunStatus.STALE);
    assertThat(store.findRun(A)).map(RunSummary::status).contains(RunStatus.STALE);

    store.claim(A, ME, T0.plusSeconds(5));
    assertThat(store.run(A).status()).isEqualTo(RunStatus.RUNNING);
    assertThat(store.run(A).owner()).contains(ME);
  }

  @Test
  void a_run_whose_owner_stays_silent_a_minute_goes_stale_and_a_heartbeat_revives_it() {
    store.createRun(newRun(A, "crm", T0, ELSEWHERE));
    try (Store minuteOn = open(Access.WRITE, at(T0.plusSeconds(60)), ENV);
        Store past = open(Access.WRITE, at(T0.plusSeconds(61)), ENV)) {
      assertThat(minuteOn.run(A).status()).isEqualTo(RunStatus.RUNNING);
      assertThat(past.run(A).status()).isEqualTo(RunStatus.STALE);

      store.heartbeat(A, T0.plusSeconds(30));
      assertThat(past.run(A).status()).isEqualTo(RunStatus.RUNNING);
      assertThat(past.run(A).heartbeatAt()).contains(T0.plusSeconds(30));
    }
  }

  @Test
  void finishing_a_run_stores_its_final_status_and_time() {
    create(A, "crm", 0);
    for (RunStatus status : List.of(RunStatus.DONE, RunStatus.FAILED, RunStatus.BUDGET)) {
      store.finish(A, status, T0.plusSeconds(9));
      assertThat(store.run(A).status()).isEqualTo(status);
    }
    store.finish(A, RunStatus.INTERRUPTED, T0.plusSeconds(10));
    assertThat(store.run(A).status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(store.run(A).finishedAt()).contains(T0.plusSeconds(10));
  }

  @Test
  void a_new_cost_cap_replaces_the_runs_own() {
    create(A, "crm", 0);
    assertThat(store.storedRun(A).spec().budget()).isEmpty();

    store.replaceMaxUsd(A, new BigDecimal("2.50"));
    assertThat(store.storedRun(A).spec().budget().map(BudgetSpec::maxUsd))
        .hasValueSatisfying(max -> assertThat(max).isEqualByComparingTo("2.5"));
  }

  @Test
  void the_newest_unfinished_run_of_a_name_is_neither_live_nor_a_replay_nor_done_in_full() {
    create(A, "crm", 0);
    store.finish(A, RunStatus.INTERRUPTED, T0.plusSeconds(1));
    create(B, "crm", 1);
    for (PendingTask task : store.unfinishedTasks(B)) {
      store.write(List.of(StoreFixtures.answered(task.id(), "Acme CRM.")));
    }
    store.finish(B, RunStatus.DONE, T0.plusSeconds(2));
    create(C, "crm", 2); // live: this process works it
    assertThat(store.newestUnfinished("crm")).map(RunSummary::id).contains(A);

    store.finish(C, RunStatus.DONE, T0.plusSeconds(3)); // done, but its tasks are still pending
    assertThat(store.newestUnfinished("crm")).map(RunSummary::id).contains(C);
    assertThat(store.newestUnfinished("other")).isEmpty();
  }

  @Test
  void a_database_from_a_newer_vis_is_refused_for_every_access_and_kept_as_it_is() {
    create(A, "crm", 0);
    store.close();
    stampSchemaVersion(Migrations.LATEST + 1);

    for (Access access : Access.values()) {
      assertThat(catchThrowableOfType(VisException.class, () -> open(access, at(T0), ENV)))
          .as(access.name())
          .hasMessageContaining("written by a newer vis")
          .hasMessageContaining("upgrade vis to read it")
          .extracting(VisException::exitCode)
          .isEqualTo(2);
    }
    stampSchemaVersion(Migrations.LATEST);
    try (Store again = open(Access.READ, at(T0), ENV)) {
      assertThat(again.runs()).extracting(RunSummary::id).containsExactly(A);
    }
  }

  @Test
  void a_store_opened_for_reading_sees_what_one_opened_for_writing_wrote() {
    create(A, "crm", 0);
    long task = store.unfinishedTasks(A).get(0).id();
    store.write(List.of(StoreFixtures.answered(task, "Acme CRM.")));

    try (Store reader = open(Access.READ, at(T0.plusSeconds(5)), ENV)) {
      assertThat(reader.runs()).isEqualTo(store.runs());
      assertThat(reader.storedRun(A)).isEqualTo(store.storedRun(A));
      assertThat(reader.unfinishedTasks(A)).isEqualTo(store.unfinishedTasks(A));
      assertThat(reader.scoredAnswers(A)).isEqualTo(store.scoredAnswers(A));
    }
  }

  @Test
  void
      streamed_answers_keep_their_own_mentions_beside_answers_without_any_and_texts_stream_alone() {
    create(A, "crm", 0);
    long[] tasks = store.unfinishedTasks(A).stream().mapToLong(PendingTask::id).toArray();
    store.write(List.of(StoreFixtures.answered(tasks[0], "Acme first.")));
    store.write(List.of(StoreFixtures.answered(tasks[1], "Nothing here.")));
    store.write(
        List.of(new TaskOutcome.Analysed(tasks[1], new AnswerAnalysis(List.of(), List.of()))));
    store.write(List.of(StoreFixtures.answered(tasks[3], "Acme last.")));

    AnswerAnalysis acme = StoreFixtures.acmeAnalysis();
    List<ScoredAnswer> streamed = new ArrayList<>();
    store.forEachScoredAnswer(A, streamed::add);
    assertThat(streamed)
        .extracting(ScoredAnswer::mentions, ScoredAnswer::citations)
        .containsExactly(
            tuple(acme.mentions(), acme.citations()),
            tuple(List.of(), List.of()),
            tuple(acme.mentions(), acme.citations()));
    List<String> texts = new ArrayList<>();
    store.forEachText(A, texts::add);
    assertThat(texts).containsExactly("Acme first.", "Nothing here.", "Acme last.");
  }
}
