package dev.vis.report.html;

import dev.vis.analysis.BrandFigures;
import dev.vis.analysis.Breakdown;
import dev.vis.analysis.Cell;
import dev.vis.analysis.DomainRanking;
import dev.vis.analysis.RunMetrics;
import dev.vis.report.ComparisonView;
import dev.vis.report.FigureText;
import dev.vis.report.ReportData;
import dev.vis.report.RunFacts;
import dev.vis.report.Slice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns a report's data into the page the template draws. */
final class ReportPages {
  private ReportPages() {}

  static ReportPage build(ReportData data, List<FailureCount> failures) {
    RunMetrics metrics = data.metrics();
    Breakdown headline = metrics.headline();
    List<Cell> overall = headline.overall();
    Cell main = headline(overall);
    List<String> ranked = ranked(main);
    Set<String> primary = data.summary().primaryBrand().map(Set::of).orElse(Set.of());
    boolean split = overall.size() > 1;
    List<BarChart> brandCharts = new ArrayList<>();
    List<HtmlTable> brandTables = new ArrayList<>();
    for (Cell cell : overall) {
      String suffix = split ? ", " + cell.grounding().label() + " answers" : "";
      String id = split ? "-" + cell.grounding().label() : "";
      if (!ranked.isEmpty()) {
        brandCharts.add(
            Charts.mentionRates(
                "chart-mention-rate" + id,
                "Mention rate per brand" + suffix,
                byBrand(cell),
                ranked,
                primary));
        brandTables.add(
            Tables.brands("brands-table" + id, "Brands" + suffix, cell, ranked, primary));
      }
    }
    List<String> specOrder =
        main == null ? List.of() : main.brands().stream().map(BrandFigures::brand).toList();
    List<HeatMap> maps = new ArrayList<>();
    List<ShareChart> shares = new ArrayList<>();
    List<HtmlTable> modelTables = new ArrayList<>();
    if (!ranked.isEmpty() && !headline.byModel().isEmpty()) {
      maps.add(Charts.modelByBrand("chart-model-brand", headline.byModel(), ranked, primary));
      shares.add(
          Charts.shareOfVoice("chart-share-of-voice", headline.byModel(), specOrder, primary));
      if (data.slices().contains(Slice.MODEL)) {
        modelTables.add(
            Tables.cells(
                "model-table",
                "Mention rate by model",
                "Model",
                headline.byModel(),
                ranked,
                primary));
      }
    }
    List<HtmlTable> promptTables = new ArrayList<>();
    if (data.slices().contains(Slice.PROMPT) && !ranked.isEmpty()) {
      promptTables.add(
          Tables.cells(
              "prompt-table",
              "Mention rate by prompt",
              "Prompt",
              headline.byPrompt(),
              ranked,
              primary));
    }
    List<HtmlTable> tagTables = new ArrayList<>();
    if (data.slices().contains(Slice.TAG) && !ranked.isEmpty() && !headline.byTag().isEmpty()) {
      tagTables.add(
          Tables.cells(
              "tag-table", "Mention rate by tag", "Tag", headline.byTag(), ranked, primary));
    }
    List<HtmlTable> branded = new ArrayList<>();
    metrics
        .branded()
        .filter(b -> !ranked.isEmpty())
        .ifPresent(
            b ->
                branded.add(
                    Tables.cells(
                        "branded-table",
                        "Branded prompts (apart from the headline)",
                        "Scope",
                        b.overall(),
                        ranked,
                        primary)));
    List<BarChart> domainCharts = new ArrayList<>();
    for (DomainRanking r : headline.topDomains()) {
      if (!r.domains().isEmpty()) {
        String suffix =
            headline.topDomains().size() > 1 ? ", " + r.grounding().label() + " answers" : "";
        domainCharts.add(
            Charts.domains(
                "chart-domains-" + r.grounding().label(),
                "Top cited domains" + suffix,
                r,
                primary));
      }
    }
    List<HtmlTable> domainTables = new ArrayList<>();
    if (!domainCharts.isEmpty()) {
      domainTables.add(Tables.domains("domains-table", headline.topDomains(), primary));
    }
    List<String> comparisonNotes = new ArrayList<>();
    List<HtmlTable> comparisonTables = new ArrayList<>();
    data.comparison()
        .ifPresent(
            c -> {
              comparisonNotes.addAll(comparisonNotes(c));
              comparisonTables.add(Tables.comparison(c.comparison().brands(), primary));
            });
    List<HtmlTable> qualityTables = new ArrayList<>();
    if (!failures.isEmpty()) {
      qualityTables.add(Tables.failures(failures));
    }
    return new ReportPage(
        "Brand visibility: " + data.facts().name(),
        PageAssets.shipped(),
        notices(data.facts()),
        HtmlSummary.lines(data, main),
        HtmlFacts.of(data.facts()),
        brandCharts,
        brandTables,
        comparisonNotes,
        comparisonTables,
        maps,
        shares,
        modelTables,
        promptTables,
        tagTables,
        branded,
        domainCharts,
        domainTables,
        data.untrackedBrands().isEmpty()
            ? List.of()
            : List.of(Tables.untracked(data.untrackedBrands())),
        HtmlFacts.quality(data),
        qualityTables,
        Definitions.METRICS);
  }

  /** The overall cell the summary and charts lead with: the one with most answers. */
  static Cell headline(List<Cell> overall) {
    return overall.stream().max(Comparator.comparingLong(Cell::answers)).orElse(null);
  }

  /** Brands by mention rate, highest first; brands without data last, in spec order. */
  static List<String> ranked(Cell cell) {
    if (cell == null) {
      return List.of();
    }
    return cell.brands().stream()
        .sorted(
            Comparator.comparing((BrandFigures b) -> !b.mentionRate().hasData())
                .thenComparing(
                    Comparator.comparingDouble((BrandFigures b) -> b.mentionRate().value())
                        .reversed()))
        .map(BrandFigures::brand)
        .toList();
  }

  static Map<String, BrandFigures> byBrand(Cell cell) {
    return cell.brands().stream()
        .collect(Collectors.toMap(BrandFigures::brand, Function.identity(), (a, b) -> a));
  }

  private static List<String> notices(RunFacts facts) {
    List<String> notices = new ArrayList<>();
    if (!facts.done()) {
      notices.add(
          "Run status: "
              + facts.status()
              + ". "
              + facts.unanswered()
              + " of "
              + FigureText.count(facts.tasks(), "task")
              + " have no answer; figures cover the answers received.");
    }
    if (facts.simulated()) {
      notices.add("Simulated data (provider sim): not a measurement of any real model.");
    }
    return notices;
  }

  private static List<String> comparisonNotes(ComparisonView view) {
    var c = view.comparison();
    List<String> notes = new ArrayList<>();
    notes.add(
        "Baseline: "
            + view.baseline().source()
            + " (run "
            + view.baseline().facts().runId()
            + "). Compared on "
            + FigureText.count(c.sharedPrompts().size(), "shared non-branded prompt")
            + " and "
            + FigureText.count(c.sharedModels().size(), "shared model")
            + ", with a one-sided bootstrap paired by prompt.");
    if (view.gating()) {
      notes.add(
          "Gate: a brand fails when it drops by more than "
              + FigureText.oneDecimal(c.thresholdPoints())
              + " points and p < "
              + String.format(java.util.Locale.ROOT, "%.4f", c.perBrandAlpha())
              + ".");
    }
    if (c.brandRulesDiffer()) {
      notes.add(
          "The two runs counted brands under different rules: deltas may be artefacts. Re-score"
              + " the baseline with vis replay.");
    }
    return notes;
  }
}
