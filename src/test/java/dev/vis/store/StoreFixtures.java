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
import dev.vis.spec.RetrySpec;
import dev.vis.spec.RunSpec;
import dev.vis.spec.SimSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Small runs and outcomes for store tests. */
final class StoreFixtures {
  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private StoreFixtures() {}

  static RunSpec spec(String name) {
    return new RunSpec(
        1,
        name,
        List.of(
            new BrandSpec("Acme CRM", List.of("Acme"), List.of("acme.com"), List.of(), true, false),
            new BrandSpec("Globex", List.of(), List.of(), List.of(), false, false)),
        List.of(
            new PromptSpec("best-crm", "What is the best CRM?", List.of("crm")),
            new PromptSpec("cheap-crm", "Which CRM is cheapest?", List.of())),
        List.of(
            new ModelSpec(
                "sim-a",
                "sim",
                "sim",
                OptionalDouble.empty(),
                OptionalInt.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.of(new SimSpec(7, Map.of("Acme CRM", 0.6))),
                OptionalInt.empty(),
                OptionalInt.empty(),
                OptionalInt.empty())),
        Map.of(),
        2,
        4,
        Duration.ofSeconds(30),
        RetrySpec.DEFAULT,
        Optional.empty(),
        Map.of());
  }

  static NewRun newRun(String id, RunSpec spec, Instant at) {
    return newRun(id, spec, at, Owner.current());
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

  static TaskOutcome.Answered answered(long taskId, String text) {
    AnswerRecord answer =
        new AnswerRecord(
            text,
            "{\"raw\":true}",
            200,
            Optional.of("stop"),
            Optional.of("req-1"),
            OptionalLong.of(100),
            OptionalLong.of(50),
            Optional.of(new BigDecimal("0.0006")),
            Optional.of(new Price(BigDecimal.ONE, BigDecimal.TEN)),
            120,
            false,
            T0,
            List.of(new SourceRef("https://acme.com/a", Optional.empty(), CitationKind.RETRIEVED)),
            0);
    AnswerAnalysis analysis =
        new AnswerAnalysis(
            List.of(new Mention("Acme CRM", 2, 1, OptionalInt.of(1), 3)),
            List.of(
                new Citation(
                    "https://acme.com/a",
                    "acme.com",
                    Optional.of("Acme CRM"),
                    CitationKind.CITED)));
    AttemptRecord attempt =
        new AttemptRecord(
            1, T0, 120, OptionalInt.of(200), AttemptOutcome.OK, Optional.empty(), Optional.empty());
    return new TaskOutcome.Answered(taskId, List.of(attempt), answer, analysis);
  }
}
