package dev.vis.report;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The top of the markdown report: status warnings and the run's facts. */
final class MarkdownFacts {
  private static final int SHORT_HASH = 12;

  private final RunFacts facts;

  MarkdownFacts(RunFacts facts) {
    this.facts = facts;
  }

  void appendTo(StringBuilder out) {
    if (!facts.done()) {
      out.append("\n> **Run status: ").append(MarkdownText.escape(facts.status())).append("** — ");
      long missing = facts.unanswered();
      if (missing > 0) {
        out.append(missing)
            .append(" of ")
            .append(FigureText.count(facts.tasks(), "task"))
            .append(missing == 1 ? " has" : " have")
            .append(" no answer; ");
      }
      out.append("figures cover the answers received.\n");
    }
    if (facts.simulated()) {
      out.append("\n> Simulated data (provider sim): not a measurement of any real model.\n");
    }
    out.append("\n## Run\n\n");
    item(out, "Run", MarkdownText.escape(facts.runId()));
    item(out, "Spec", MarkdownText.escape(facts.specPath()) + " (sha256 " + shortHash() + ")");
    item(
        out,
        "Models",
        facts.modelIds().isEmpty()
            ? FigureText.NONE
            : String.join(", ", facts.modelIds().stream().map(MarkdownText::escape).toList()));
    if (!facts.modelsWithoutAnswers().isEmpty()) {
      item(
          out,
          "No answers from",
          String.join(
                  ", ", facts.modelsWithoutAnswers().stream().map(MarkdownText::escape).toList())
              + " (every task failed or is pending): no data, shown as "
              + FigureText.NONE);
    }
    String answers =
        facts.answers()
            + " of "
            + FigureText.count(facts.tasks(), "task")
            + ", "
            + facts.failed()
            + " failed";
    item(
        out,
        "Answers",
        facts.pending() > 0 ? answers + ", " + facts.pending() + " pending" : answers);
    item(out, "Cost", cost());
    item(out, "Started", instant(facts));
    item(
        out,
        "Duration",
        facts
            .finishedAt()
            .map(end -> FigureText.duration(Duration.between(facts.startedAt(), end)))
            .orElse("— (not finished)"));
    facts.sourceRunId().ifPresent(id -> item(out, "Replay of", MarkdownText.escape(id)));
  }

  private String shortHash() {
    String hash = facts.specSha256();
    return MarkdownText.escape(hash.length() > SHORT_HASH ? hash.substring(0, SHORT_HASH) : hash);
  }

  private String cost() {
    String cost = facts.costUsd().map(FigureText::usd).orElse("not priced");
    long unpriced = facts.unpricedAnswers();
    return unpriced > 0 ? cost + " (" + FigureText.count(unpriced, "answer") + " unpriced)" : cost;
  }

  static String instant(RunFacts facts) {
    return DateTimeFormatter.ISO_INSTANT.format(facts.startedAt().truncatedTo(ChronoUnit.SECONDS));
  }

  private static void item(StringBuilder out, String label, String value) {
    out.append("- **").append(label).append(":** ").append(value).append('\n');
  }
}
