package dev.vis.report;

import dev.vis.analysis.Breakdown;
import dev.vis.analysis.Cell;
import java.util.ArrayList;
import java.util.List;

/** Reports of runs where a model, or every model, produced no answer: figures without data. */
final class NoDataFixture {
  private NoDataFixture() {}

  /** The model of {@link #withDeadModel()} whose every task failed. */
  static final String DEAD_MODEL = "dead-model";

  /**
   * The sample with a third model, {@link #DEAD_MODEL}, whose every task failed: its cell has no
   * answers, so every figure in it is no data.
   */
  static ReportData withDeadModel() {
    Breakdown m = ReportFixture.metrics();
    List<Cell> byModel = new ArrayList<>(m.byModel());
    byModel.add(noAnswers("model", DEAD_MODEL, m.overall().getFirst()));
    RunFacts f = ReportFixture.facts();
    List<String> models = new ArrayList<>(f.modelIds());
    models.add(DEAD_MODEL);
    return ReportFixture.data(
        FactsFixture.rerun(
            f, f.runId(), f.startedAt(), f.finishedAt(), models, List.of(DEAD_MODEL)),
        new Breakdown(m.overall(), byModel, m.byPrompt(), m.byTag(), m.topDomains()));
  }

  /** A run whose every model failed every task: even the overall cell has no answers. */
  static ReportData allDead() {
    Breakdown m = ReportFixture.metrics();
    Cell none = noAnswers("overall", "", m.overall().getFirst());
    RunFacts f = ReportFixture.doneFacts();
    return ReportFixture.data(
        FactsFixture.rerun(f, f.runId(), f.startedAt(), f.finishedAt(), f.modelIds(), f.modelIds()),
        new Breakdown(
            List.of(none),
            m.byModel().stream().map(c -> noAnswers("model", c.value(), c)).toList(),
            List.of(),
            List.of(),
            List.of()));
  }

  /** A cell of {@code like}'s brands without any answer. */
  static Cell noAnswers(String scope, String value, Cell like) {
    return ReportFixture.cell(
        scope,
        value,
        0,
        0,
        true,
        like.brands().stream()
            .map(b -> ReportFixture.brand(b.brand(), 0, 0, 0, 0, 0, 0, Double.NaN, 0, 0.0, 0))
            .toList());
  }
}
