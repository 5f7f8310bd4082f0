package dev.vis.report;

import dev.vis.analysis.BrandFigures;
import dev.vis.analysis.Cell;
import dev.vis.analysis.DomainCount;
import dev.vis.analysis.VisibilityMetrics;
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
  private final List<BrandFigures> ranked;
  private final StringBuilder out = new StringBuilder(16 * 1024);
  private boolean directionalShown;

  MarkdownDocument(ReportData data, int maxRows) {
    this.data = data;
    this.maxRows = maxRows;
    this.ranked =
        data.metrics().overall().brands().stream()
            .sorted(Comparator.comparingDouble((BrandFigures b) -> b.mentionRate().value()).reversed())
            .toList();
  }

  String text() {
    VisibilityMetrics metrics = data.metrics();
    out.append("# Brand visibility: ").append(MarkdownText.escape(data.facts().name())).append('\n');
    new MarkdownFacts(data.facts()).appendTo(out);
    brands(metrics.overall());
    cells("By model", "Model", "model", metrics.byModel());
    cells("By prompt", "Prompt", "prompt", metrics.byPrompt());
    if (!metrics.byTag().isEmpty()) {
      cells("By tag", "Tag", "tag", metrics.byTag());
    }
    domains(metrics.topDomains());
    if (directionalShown) {
      out.append("\n† Directional: fewer than 10 answers or fewer than 5 prompts;")
          .append(" read it as a direction, not a measurement.\n");
    }
    return out.toString();
  }

  private void brands(Cell overall) {
    out.append("\n## Brands\n\n");
    out.append("Overall: ")
        .append(FigureText.count(overall.answers(), "answer"))
        .append(" over ")
        .append(FigureText.count(overall.prompts(), "prompt"))
        .append(marker(overall))
        .append(". Mention rate: answers naming the brand / answers received, with its 95% interval.\n\n");
    if (ranked.isEmpty()) {
      out.append("_No brands are tracked._\n");
      return;
    }
    MarkdownTable table =
        new MarkdownTable(
            List.of("Brand", "Mention rate", "Share of voice", "Avg position", "Top-1",
                "Citation rate", "n"));
    for (BrandFigures b : ranked) {
      table.row(
          List.of(
              MarkdownText.escape(b.brand()),
              FigureText.rateWithInterval(b.mentionRate()),
              FigureText.percent(b.shareOfVoice().value()),
              FigureText.position(b.averagePosition()),
              FigureText.percent(b.top1Rate().value()),
              FigureText.percent(b.citationRate().value()),
              FigureText.counts(b.mentionRate())));
    }
    table.appendTo(out, maxRows, "brand");
    out.append('\n');
    List<BrandFigures> charted = ranked.subList(0, Math.min(MAX_BRAND_COLUMNS, ranked.size()));
    MermaidBarChart.appendTo(
        out,
        "Mention rate (%)",
        charted.stream()
            .map(b -> new MermaidBarChart.Bar(b.brand(), b.mentionRate().value() * 100))
            .toList());
    if (charted.size() < ranked.size()) {
      out.append("\n_The chart shows the ")
          .append(charted.size())
          .append(" brands with the highest mention rate._\n");
    }
  }

  private void cells(String title, String label, String noun, List<Cell> cells) {
    out.append("\n## ").append(title).append("\n\n");
    out.append("Mention rate per brand, with its 95% interval.\n\n");
    List<BrandFigures> columns = ranked.subList(0, Math.min(MAX_BRAND_COLUMNS, ranked.size()));
    List<String> headers = new ArrayList<>(List.of(label, "Answers"));
    columns.forEach(b -> headers.add(MarkdownText.escape(b.brand())));
    MarkdownTable table = new MarkdownTable(headers);
    for (Cell cell : cells) {
      Map<String, BrandFigures> byName =
          cell.brands().stream()
              .collect(Collectors.toMap(BrandFigures::brand, Function.identity(), (a, b) -> a));
      List<String> row = new ArrayList<>();
      row.add(MarkdownText.escape(cell.value()) + marker(cell));
      row.add(Long.toString(cell.answers()));
      for (BrandFigures column : columns) {
        BrandFigures figures = byName.get(column.brand());
        row.add(figures == null ? FigureText.NONE : FigureText.rateWithInterval(figures.mentionRate()));
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

  private void domains(List<DomainCount> domains) {
    out.append("\n## Top cited domains\n\n");
    if (domains.isEmpty()) {
      out.append("_No answer cites a source._\n");
      return;
    }
    MarkdownTable table = new MarkdownTable(List.of("Domain", "Brand", "Answers")).textColumn(1);
    for (DomainCount d : domains) {
      table.row(
          List.of(
              MarkdownText.escape(d.domain()),
              d.brand().map(MarkdownText::escape).orElse(FigureText.NONE),
              Long.toString(d.answers())));
    }
    table.appendTo(out, maxRows, "domain");
  }

  private String marker(Cell cell) {
    if (!cell.directional()) {
      return "";
    }
    directionalShown = true;
    return DAGGER;
  }
}
