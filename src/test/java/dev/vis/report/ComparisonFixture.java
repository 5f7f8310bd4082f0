package dev.vis.report;

import dev.vis.analysis.Comparison;
import dev.vis.analysis.GateOptions;
import dev.vis.analysis.PromptModelTally;
import dev.vis.analysis.RateMetric;
import dev.vis.analysis.RegressionGate;
import dev.vis.analysis.RunMetrics;
import dev.vis.analysis.RunTallies;
import dev.vis.analysis.TallyPrompt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sample report compared with a baseline: Acme drops on the one model both runs answered with,
 * Globex holds, Initech is not tracked (no data), the second model produced no answer in the
 * current run, and the current run asks one prompt more.
 */
final class ComparisonFixture {
  static final List<String> GATED = List.of("Acme", "Globex", "Initech");

  private ComparisonFixture() {}

  static ReportData sample(RateMetric metric, boolean gating) {
    ReportData data = ReportFixture.sample();
    RunTallies base = data.metrics().tallies();
    RunTallies now = current(base);
    Comparison comparison =
        RegressionGate.compare(base, now, GateOptions.of(metric, GATED, 5, 0.05));
    Baseline baseline = new Baseline("baselines/crm.json", baselineFacts(), base);
    RunMetrics m = data.metrics();
    return ReportData.of(
        data.facts(),
        new RunMetrics(m.headline(), m.branded(), m.brandedPrompts(), m.includeBranded(), now),
        data.slices(),
        Optional.of(new ComparisonView(baseline, comparison, gating)),
        data.summary().primaryBrand());
  }

  /**
   * The baseline's tallies with Acme named far less by the first model and none from the second.
   */
  private static RunTallies current(RunTallies base) {
    String firstModel = base.models().getFirst().id();
    int acme = base.brands().indexOf("Acme");
    List<PromptModelTally> cells = new ArrayList<>();
    for (PromptModelTally cell : base.cells()) {
      if (cell.modelId().equals(firstModel)) {
        List<Long> named = new ArrayList<>(cell.named());
        named.set(acme, named.get(acme) / 4);
        cells.add(new PromptModelTally(cell.promptId(), cell.modelId(), cell.answers(), named));
      }
    }
    List<TallyPrompt> prompts = new ArrayList<>(base.prompts());
    prompts.add(new TallyPrompt("crm-for-nonprofits", "Which CRM for nonprofits?", false));
    return new RunTallies(base.brands(), base.brandRules(), prompts, base.models(), cells);
  }

  private static RunFacts baselineFacts() {
    RunFacts f = ReportFixture.doneFacts();
    return FactsFixture.rerun(
        f,
        "01JBASE00000000000000000000",
        Instant.parse("2025-02-25T05:06:07Z"),
        Optional.of(Instant.parse("2025-02-25T05:20:00Z")),
        f.modelIds(),
        f.modelsWithoutAnswers());
  }
}
