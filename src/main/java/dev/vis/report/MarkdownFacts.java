package dev.vis.report;

import dev.vis.store.ServedModel;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The top of the markdown report: status warnings, and the run's facts. */
final class MarkdownFacts {
  private static final int SHORT_HASH = 12;

  private final RunFacts facts;

  MarkdownFacts(RunFacts facts) {
    this.facts = facts;
  }

  /** What the reader must know before any figure: an unfinished run, simulated data. */
  void appendNotices(StringBuilder out) {
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
  }

  void appendTo(StringBuilder out) {
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
    if (!facts.servedModels().isEmpty()) {
      item(out, "Served by", servedModels());
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

  /**
   * {@code mini: gpt-4o-mini-2024-07-18; sonnet: claude-… (4), not reported (2)}: the model names
   * the providers reported, with answer counts when a model was served by more than one.
   */
  private String servedModels() {
    Map<String, List<ServedModel>> byModel = new LinkedHashMap<>();
    facts
        .servedModels()
        .forEach(s -> byModel.computeIfAbsent(s.modelId(), k -> new ArrayList<>()).add(s));
    List<String> parts = new ArrayList<>();
    byModel.forEach(
        (model, served) ->
            parts.add(
                MarkdownText.escape(model)
                    + ": "
                    + String.join(
                        ", ",
                        served.stream()
                            .map(
                                s ->
                                    s.servedModel().map(MarkdownText::escape).orElse("not reported")
                                        + (served.size() > 1 ? " (" + s.answers() + ")" : ""))
                            .toList())));
    return String.join("; ", parts);
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
