package dev.vis.report.html;

import dev.vis.analysis.Cell;
import dev.vis.analysis.RunMetrics;
import dev.vis.report.FigureText;
import dev.vis.report.ReportData;
import dev.vis.report.RunFacts;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The run's facts and its data quality, as label and value lines. */
final class HtmlFacts {
  private HtmlFacts() {}

  static List<Fact> of(RunFacts f) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Run", f.runId() + (f.done() ? "" : " (" + f.status() + ")")));
    facts.add(
        new Fact(
            "Spec",
            f.specPath()
                + " (sha256 "
                + f.specSha256().substring(0, Math.min(12, f.specSha256().length()))
                + ")"));
    facts.add(
        new Fact(
            "Models", f.modelIds().isEmpty() ? FigureText.NONE : String.join(", ", f.modelIds())));
    facts.add(
        new Fact(
            "Answers",
            f.answers()
                + " of "
                + FigureText.count(f.tasks(), "task")
                + ", "
                + f.failed()
                + " failed"
                + (f.pending() > 0 ? ", " + f.pending() + " pending" : "")));
    facts.add(new Fact("Cost", f.costUsd().map(FigureText::usd).orElse("not priced")));
    facts.add(
        new Fact(
            "Started",
            DateTimeFormatter.ISO_INSTANT.format(f.startedAt().truncatedTo(ChronoUnit.SECONDS))));
    facts.add(
        new Fact(
            "Duration",
            f.finishedAt()
                .map(end -> FigureText.duration(Duration.between(f.startedAt(), end)))
                .orElse("— (not finished)")));
    facts.add(new Fact("Simulated", f.simulated() ? "yes (provider sim)" : "no"));
    f.sourceRunId().ifPresent(id -> facts.add(new Fact("Replay of", id)));
    return facts;
  }

  static List<Fact> quality(ReportData data) {
    RunFacts f = data.facts();
    RunMetrics m = data.metrics();
    List<Fact> quality = new ArrayList<>();
    quality.add(new Fact("Failed tasks", f.failed() + " of " + f.tasks()));
    if (!f.modelsWithoutAnswers().isEmpty()) {
      quality.add(
          new Fact(
              "Models without answers",
              String.join(", ", f.modelsWithoutAnswers()) + " (no data, not 0%)"));
    }
    quality.add(
        new Fact(
            "Unpriced answers", f.unpricedAnswers() + " (their model has no price in the spec)"));
    List<Cell> all =
        Stream.of(
                m.headline().overall(),
                m.headline().byModel(),
                m.headline().byPrompt(),
                m.headline().byTag())
            .flatMap(List::stream)
            .toList();
    long directional = all.stream().filter(Cell::directional).count();
    quality.add(
        new Fact(
            "Directional cells (†)",
            directional + " of " + all.size() + " (fewer than 10 answers or 5 prompts)"));
    StringBuilder groundings = new StringBuilder();
    for (Cell c : m.headline().overall()) {
      if (!groundings.isEmpty()) {
        groundings.append(", ");
      }
      groundings.append(FigureText.count(c.answers(), c.grounding().label() + " answer"));
    }
    quality.add(
        new Fact(
            "Grounded vs parametric",
            groundings.isEmpty() ? FigureText.NONE : groundings + " (never pooled)"));
    if (!m.brandedPrompts().isEmpty()) {
      quality.add(
          new Fact(
              "Branded prompts",
              m.brandedPrompts().size()
                  + (m.includeBranded()
                      ? " (pooled into the headline)"
                      : " (left out of the headline)")));
    }
    return quality;
  }
}
