package dev.vis.report;

import dev.vis.analysis.BrandFigures;
import dev.vis.analysis.BrandedPrompt;
import dev.vis.analysis.Breakdown;
import dev.vis.analysis.Cell;
import dev.vis.analysis.DomainCount;
import dev.vis.analysis.DomainRanking;
import dev.vis.analysis.RateMetric;
import dev.vis.analysis.RunMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One markdown report, its tables cut to a row limit. */
final class MarkdownDocument {
  static final int MAX_BRAND_COLUMNS = 20;
  private static final String DAGGER = " †";

  private final ReportData data;
  private final int maxRows;
  private final List<String> ranked;
  private final boolean split;
  private final StringBuilder out = new StringBuilder(16 * 1024);
  private boolean directionalShown;

  MarkdownDocument(ReportData data, int maxRows) {
    this.data = data;
    this.maxRows = maxRows;
    List<Cell> overall = data.metrics().headline().overall();
    Cell first = overall.isEmpty() ? null : overall.getFirst();
    this.ranked =
        first == null
            ? List.of()
            : first.brands().stream()
                .sorted(
                    Comparator.comparingDouble((BrandFigures b) -> b.mentionRate().value())
                        .reversed())
                .map(BrandFigures::brand)
                .toList();
    this.split = overall.stream().map(Cell::grounding).distinct().count() > 1;
  }

  String text() {
    RunMetrics metrics = data.metrics();
    out.append("# Brand visibility: ")
        .append(MarkdownText.escape(data.facts().name()))
        .append('\n');
    new MarkdownFacts(data.facts()).appendTo(out);
    prompts(metrics);
    brands(metrics.headline().overall());
    data.comparison().ifPresent(c -> MarkdownComparison.appendTo(out, c, maxRows));
    Breakdown headline = metrics.headline();
    if (data.shows(Slice.MODEL)) {
      cells("By model", "Model", "model", headline.byModel());
    }
    if (data.shows(Slice.PROMPT)) {
      cells("By prompt", "Prompt", "prompt", headline.byPrompt());
    }
    if (data.shows(Slice.TAG) && !headline.byTag().isEmpty()) {
      cells("By tag", "Tag", "tag", headline.byTag());
    }
    metrics.branded().ifPresent(b -> branded(metrics.brandedPrompts(), b));
    domains(headline.topDomains());
    MarkdownUntracked.appendTo(out, data);
    if (directionalShown) {
      out.append("\n† Directional: fewer than 10 answers or fewer than 5 prompts;")
          .append(" read it as a direction, not a measurement.\n");
    }
    return out.toString();
  }

  private void prompts(RunMetrics metrics) {
    if (metrics.brandedPrompts().isEmpty()) {
      return;
    }
    out.append("\n> ")
        .append(FigureText.count(metrics.brandedPrompts().size(), "prompt"))
        .append(" name a tracked brand (branded): ")
        .append(
            metrics.includeBranded()
                ? "pooled into the headline figures (--include-branded)."
                : "left out of the headline figures and shown apart below.")
        .append('\n');
  }

  private void brands(List<Cell> overall) {
    out.append("\n## Brands\n\n");
    if (ranked.isEmpty()) {
      out.append("_No brands are tracked._\n");
      return;
    }
    for (Cell cell : overall) {
      out.append(split ? "Overall, " + cell.grounding().label() + " answers: " : "Overall: ")
          .append(FigureText.count(cell.answers(), "answer"))
          .append(" over ")
          .append(FigureText.count(cell.prompts(), "prompt"))
          .append(marker(cell))
          .append(".\n");
    }
    out.append(
            "\nMention rate: answers naming the brand / answers received (n). Every rate with its")
        .append(" 95% interval (a bootstrap over prompts when a cell spans several).\n\n");
    List<String> headers = new ArrayList<>(List.of("Brand"));
    if (split) {
      headers.add("Answers");
    }
    for (RateMetric metric : RateMetric.values()) {
      headers.add(metric.label());
    }
    headers.addAll(List.of("Avg position", "n"));
    MarkdownTable table = new MarkdownTable(headers);
    if (split) {
      table.textColumn(1);
    }
    for (String name : ranked) {
      for (Cell cell : overall) {
        BrandFigures b = figures(cell).get(name);
        List<String> row = new ArrayList<>(List.of(MarkdownText.escape(name)));
        if (split) {
          row.add(cell.grounding().label());
        }
        for (RateMetric metric : RateMetric.values()) {
          row.add(FigureText.rateWithInterval(b.rate(metric)));
        }
        row.add(FigureText.position(b.averagePosition()));
        row.add(FigureText.counts(b.mentionRate()));
        table.row(row);
      }
    }
    table.appendTo(out, maxRows, "brand row");
    out.append('\n');
    Cell charted = overall.stream().max(Comparator.comparingLong(Cell::answers)).orElseThrow();
    List<String> bars = ranked.subList(0, Math.min(MAX_BRAND_COLUMNS, ranked.size()));
    Map<String, BrandFigures> byName = figures(charted);
    // a brand without data gets no bar: a bar of 0 would read as measured
    List<MermaidBarChart.Bar> drawn =
        bars.stream()
            .filter(b -> byName.get(b).mentionRate().hasData())
            .map(b -> new MermaidBarChart.Bar(b, byName.get(b).mentionRate().value() * 100))
            .toList();
    if (drawn.isEmpty()) {
      out.append("_No chart: no answers, so no mention rate to draw._\n");
      return;
    }
    MermaidBarChart.appendTo(
        out,
        split ? "Mention rate (%), " + charted.grounding().label() : "Mention rate (%)",
        drawn);
    if (bars.size() < ranked.size()) {
      out.append("\n_The chart shows the ")
          .append(bars.size())
          .append(" brands with the highest mention rate._\n");
    }
  }

  private void cells(String title, String label, String noun, List<Cell> cells) {
    out.append("\n## ").append(title).append("\n\n");
    out.append("Mention rate per brand, with its 95% interval.\n\n");
    List<String> columns = ranked.subList(0, Math.min(MAX_BRAND_COLUMNS, ranked.size()));
    boolean cellsSplit = cells.stream().map(Cell::grounding).distinct().count() > 1;
    List<String> headers = new ArrayList<>(List.of(label));
    if (cellsSplit) {
      headers.add("Search");
    }
    headers.add("Answers");
    columns.forEach(b -> headers.add(MarkdownText.escape(b)));
    MarkdownTable table = new MarkdownTable(headers);
    if (cellsSplit) {
      table.textColumn(1);
    }
    for (Cell cell : cells) {
      Map<String, BrandFigures> byName = figures(cell);
      List<String> row = new ArrayList<>();
      row.add(MarkdownText.escape(cell.value()) + marker(cell));
      if (cellsSplit) {
        row.add(cell.grounding().label());
      }
      row.add(Long.toString(cell.answers()));
      for (String column : columns) {
        BrandFigures figures = byName.get(column);
        row.add(
            figures == null ? FigureText.NONE : FigureText.rateWithInterval(figures.mentionRate()));
      }
      table.row(row);
    }
    table.appendTo(out, maxRows, noun);
    if (columns.size() < ranked.size()) {
      out.append("\n_Columns show the ")
          .append(columns.size())
          .append(" brands with the highest overall mention rate; ")
          .append(ranked.size() - columns.size())
          .append(" more are in the JSON and CSV reports._\n");
    }
  }

  private void branded(List<BrandedPrompt> prompts, Breakdown branded) {
    out.append("\n## Branded prompts\n\n");
    out.append("Prompts whose own text names a tracked brand inflate that brand's figures;")
        .append(" they are measured apart here.\n\n");
    MarkdownTable names = new MarkdownTable(List.of("Prompt", "Names")).textColumn(1);
    for (BrandedPrompt p : prompts) {
      names.row(
          List.of(
              MarkdownText.escape(p.promptId()),
              String.join(", ", p.brands().stream().map(MarkdownText::escape).toList())));
    }
    names.appendTo(out, maxRows, "branded prompt");
    out.append('\n');
    cells("Branded prompts: overall", "Scope", "row", branded.overall());
  }

  private void domains(List<DomainRanking> rankings) {
    out.append("\n## Top cited domains\n\n");
    if (rankings.stream().allMatch(r -> r.domains().isEmpty())) {
      out.append("_No answer cites a source._\n");
      return;
    }
    boolean several = rankings.size() > 1;
    List<String> headers = new ArrayList<>(List.of("Domain", "Brand"));
    if (several) {
      headers.add("Answers from");
    }
    headers.add("Answers");
    MarkdownTable table = new MarkdownTable(headers).textColumn(1);
    if (several) {
      table.textColumn(2);
    }
    for (DomainRanking ranking : rankings) {
      for (DomainCount d : ranking.domains()) {
        List<String> row = new ArrayList<>();
        row.add(MarkdownText.escape(d.domain()));
        row.add(d.brand().map(MarkdownText::escape).orElse(FigureText.NONE));
        if (several) {
          row.add(ranking.grounding().label());
        }
        row.add(Long.toString(d.answers()));
        table.row(row);
      }
    }
    table.appendTo(out, maxRows, "domain");
  }

  private static Map<String, BrandFigures> figures(Cell cell) {
    return cell.brands().stream()
        .collect(Collectors.toMap(BrandFigures::brand, Function.identity(), (a, b) -> a));
  }

  private String marker(Cell cell) {
    if (!cell.directional()) {
      return "";
    }
    directionalShown = true;
    return DAGGER;
  }
}
