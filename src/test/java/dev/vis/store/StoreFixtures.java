package dev.vis.store;

import dev.vis.analysis.AnswerAnalysis;
import dev.vis.analysis.Citation;
import dev.vis.analysis.CitationKind;
import dev.vis.analysis.Mention;
import dev.vis.analysis.SourceRef;
import dev.vis.spec.BrandSpec;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.Price;
import dev.vis.spec.PromptSpec;
import dev.vis.spec.RunSpec;
import dev.vis.spec.SimSpec;
import dev.vis.spec.SpecRecords;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Small runs and outcomes for store tests. */
final class StoreFixtures {
  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  /** The model the fixtures' provider says answered: a dated snapshot of the model asked. */
  static final String SERVED_MODEL = "gpt-4o-mini-2024-07-18";

  private StoreFixtures() {}

  static RunSpec spec(String name) {
    return SpecRecords.run(
        name,
        List.of(
            new BrandSpec("Acme CRM", List.of("Acme"), List.of("acme.com"), List.of(), true, false),
            new BrandSpec("Globex", List.of(), List.of(), List.of(), false, false)),
        List.of(
            new PromptSpec("best-crm", "What is the best CRM?", List.of("crm")),
            new PromptSpec("cheap-crm", "Which CRM is cheapest?", List.of())),
        List.of(SpecRecords.simModel("sim-a", new SimSpec(7, Map.of("Acme CRM", 0.6)))),
        2,
        4,
        Duration.ofSeconds(30));
  }

  static NewRun newRun(String id, RunSpec spec, Instant at) {
    return newRun(id, spec, at, Owner.current(Map.of()));
  }

  static NewRun newRun(String id, RunSpec spec, Instant at, Owner owner) {
    ModelSpec model = spec.models().get(0);
    StoredModel stored =
        new StoredModel(
            model, spec.endpointOf(model), Optional.of(new Price(BigDecimal.ONE, BigDecimal.TEN)));
    List<NewTask> tasks =
        List.of(
            new NewTask(0, "best-crm", "sim-a", 1),
            new NewTask(1, "cheap-crm", "sim-a", 1),
            new NewTask(2, "best-crm", "sim-a", 2),
            new NewTask(3, "cheap-crm", "sim-a", 2));
    return new NewRun(
        id,
        "spec.yaml",
        "version: 1\n",
        "ab".repeat(32),
        spec,
        List.of(stored),
        tasks,
        Optional.empty(),
        at,
        owner,
        spec.samples());
  }

  /** The source every fixture answer carries. */
  static final SourceRef SOURCE =
      new SourceRef("https://acme.com/a", Optional.empty(), CitationKind.RETRIEVED);

  /**
   * How a store streams back the answer {@link #answered(long, String)} wrote to a task of {@link
   * #newRun} (model sim-a), ungrounded.
   */
  static StoredAnswer stored(long taskId, String promptId, String text) {
    return new StoredAnswer(taskId, text, List.of(SOURCE), promptId, "sim-a", false);
  }

  /** A priced, ungrounded answer at the first attempt, mentioning and citing Acme CRM. */
  static TaskOutcome.Answered answered(long taskId, String text) {
    return answered(taskId, text, 1, Optional.of(new BigDecimal("0.0006")), false);
  }

  /**
   * An answer at attempt {@code attempt}, mentioning and citing Acme CRM.
   *
   * @param cost its cost; empty for an answer without a price
   */
  static TaskOutcome.Answered answered(
      long taskId, String text, int attempt, Optional<BigDecimal> cost, boolean grounded) {
    return answered(taskId, text, attempt, cost, grounded, Optional.of(SERVED_MODEL));
  }

  /** A priced, ungrounded answer at the first attempt that {@code servedModel} gave. */
  static TaskOutcome.Answered answeredBy(long taskId, Optional<String> servedModel) {
    return answered(
        taskId, "Try Acme CRM.", 1, Optional.of(new BigDecimal("0.0006")), false, servedModel);
  }

  private static TaskOutcome.Answered answered(
      long taskId,
      String text,
      int attempt,
      Optional<BigDecimal> cost,
      boolean grounded,
      Optional<String> servedModel) {
    AnswerRecord answer =
        new AnswerRecord(
            text,
            "{\"raw\":true}",
            200,
            Optional.of("stop"),
            Optional.of("req-1"),
            OptionalLong.of(100),
            OptionalLong.of(50),
            cost,
            cost.map(c -> new Price(BigDecimal.ONE, BigDecimal.TEN)),
            120,
            grounded,
            T0,
            List.of(SOURCE),
            0,
            servedModel);
    return new TaskOutcome.Answered(
        taskId, List.of(attempt(attempt, AttemptOutcome.OK)), answer, acmeAnalysis());
  }

  /** A task given up on after the given attempts. */
  static TaskOutcome.Failed failed(long taskId, String error, int... attempts) {
    return new TaskOutcome.Failed(
        taskId,
        java.util.Arrays.stream(attempts)
            .mapToObj(n -> attempt(n, AttemptOutcome.RETRYABLE))
            .toList(),
        error);
  }

  static AnswerAnalysis acmeAnalysis() {
    return new AnswerAnalysis(
        List.of(new Mention("Acme CRM", 2, 1, OptionalInt.of(1), 3)),
        List.of(
            new Citation(
                "https://acme.com/a", "acme.com", Optional.of("Acme CRM"), CitationKind.CITED)));
  }

  private static AttemptRecord attempt(int n, AttemptOutcome outcome) {
    boolean ok = outcome == AttemptOutcome.OK;
    return new AttemptRecord(
        n,
        T0,
        120,
        OptionalInt.of(ok ? 200 : 500),
        outcome,
        ok ? Optional.empty() : Optional.of("HTTP 500"),
        Optional.empty());
  }
}
