package dev.vis.report.html;

import dev.vis.analysis.BrandDelta;
import dev.vis.analysis.BrandFigures;
import dev.vis.analysis.Cell;
import dev.vis.analysis.DomainCount;
import dev.vis.analysis.DomainRanking;
import dev.vis.analysis.Proportion;
import dev.vis.analysis.RateMetric;
import dev.vis.analysis.UntrackedBrand;
import dev.vis.report.FigureText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the report's tables; every figure sorts by its value, "no data" below every figure. */
final class Tables {
  private static final double NO_DATA = -1;

  private Tables() {}

  static HtmlTable.Cell rate(Proportion p) {
    return HtmlTable.Cell.number(FigureText.rateWithInterval(p), p.hasData() ? p.value() : NO_DATA);
  }

  static HtmlTable.Cell count(long n) {
    return HtmlTable.Cell.number(Long.toString(n), n);
  }

  /** Every rate of every brand in one overall cell, highest mention rate first. */
  static HtmlTable brands(
      String id, String caption, Cell cell, List<String> ranked, Set<String> primary) {
    List<HtmlTable.Column> columns = new ArrayList<>(List.of(new HtmlTable.Column("Brand", false)));
    for (RateMetric metric : RateMetric.values()) {
      columns.add(new HtmlTable.Column(metric.label(), true));
    }
    columns.add(new HtmlTable.Column("Mentions", true));
    columns.add(new HtmlTable.Column("Avg position", true));
    columns.add(new HtmlTable.Column("Named / answers", true));
    Map<String, BrandFigures> figures = ReportPages.byBrand(cell);
    List<HtmlTable.Row> rows = new ArrayList<>();
    for (String brand : ranked) {
      BrandFigures b = figures.get(brand);
      boolean isPrimary = primary.contains(brand);
      List<HtmlTable.Cell> cells = new ArrayList<>(List.of(HtmlTable.Cell.brand(brand, isPrimary)));
      for (RateMetric metric : RateMetric.values()) {
        cells.add(rate(b.rate(metric)));
      }
      cells.add(count(b.mentionCount()));
      cells.add(
          HtmlTable.Cell.number(
              FigureText.position(b.averagePosition()), b.averagePosition().orElse(NO_DATA)));
      cells.add(
          HtmlTable.Cell.number(
              FigureText.counts(b.mentionRate()),
              b.mentionRate().hasData() ? b.mentionRate().numerator() : NO_DATA));
      rows.add(new HtmlTable.Row(isPrimary, cells));
    }
    return new HtmlTable(id, caption, columns, rows);
  }

  /** Mention rate per brand in each cell of a breakdown (model, prompt, tag). */
  static HtmlTable cells(
      String id,
      String caption,
      String label,
      List<Cell> cells,
      List<String> ranked,
      Set<String> primary) {
    boolean split = cells.stream().map(Cell::grounding).distinct().count() > 1;
    List<HtmlTable.Column> columns = new ArrayList<>(List.of(new HtmlTable.Column(label, false)));
    if (split) {
      columns.add(new HtmlTable.Column("Search", false));
    }
    columns.add(new HtmlTable.Column("Answers", true));
    for (String brand : ranked) {
      columns.add(
          new HtmlTable.Column((primary.contains(brand) ? ChartGeometry.STAR : "") + brand, true));
    }
    List<HtmlTable.Row> rows = new ArrayList<>();
    for (Cell cell : cells) {
      List<HtmlTable.Cell> row = new ArrayList<>();
      row.add(HtmlTable.Cell.text(cell.value() + (cell.directional() ? " †" : "")));
      if (split) {
        row.add(HtmlTable.Cell.text(cell.grounding().label()));
      }
      row.add(count(cell.answers()));
      Map<String, BrandFigures> figures = ReportPages.byBrand(cell);
      for (String brand : ranked) {
        BrandFigures f = figures.get(brand);
        row.add(rate(f == null ? Proportion.none() : f.mentionRate()));
      }
      rows.add(new HtmlTable.Row(false, row));
    }
    return new HtmlTable(id, caption, columns, rows);
  }

  static HtmlTable domains(String id, List<DomainRanking> rankings, Set<String> primary) {
    boolean several = rankings.size() > 1;
    List<HtmlTable.Column> columns =
        new ArrayList<>(
            List.of(new HtmlTable.Column("Domain", false), new HtmlTable.Column("Brand", false)));
    if (several) {
      columns.add(new HtmlTable.Column("Answers from", false));
    }
    columns.add(new HtmlTable.Column("Answers citing it", true));
    List<HtmlTable.Row> rows = new ArrayList<>();
    for (DomainRanking ranking : rankings) {
      for (DomainCount d : ranking.domains()) {
        boolean isPrimary = d.brand().map(primary::contains).orElse(false);
        List<HtmlTable.Cell> row = new ArrayList<>();
        row.add(HtmlTable.Cell.text(d.domain()));
        row.add(
            d.brand()
                .map(b -> HtmlTable.Cell.brand(b, isPrimary))
                .orElse(HtmlTable.Cell.text(FigureText.NONE)));
        if (several) {
          row.add(HtmlTable.Cell.text(ranking.grounding().label()));
        }
        row.add(count(d.answers()));
        rows.add(new HtmlTable.Row(isPrimary, row));
      }
    }
    return new HtmlTable(id, "Top cited domains", columns, rows);
  }

  /** Names answers present as brands that the spec does not track, most answers first. */
  static HtmlTable untracked(List<UntrackedBrand> names) {
    List<HtmlTable.Row> rows = new ArrayList<>();
    for (UntrackedBrand u : names) {
      rows.add(
          new HtmlTable.Row(false, List.of(HtmlTable.Cell.text(u.name()), count(u.answers()))));
    }
    return new HtmlTable(
        "untracked-table",
        "Names presented as brands, not tracked by the spec",
        List.of(
            new HtmlTable.Column("Name", false), new HtmlTable.Column("Answers naming it", true)),
        rows);
  }

  static HtmlTable comparison(List<BrandDelta> deltas, Set<String> primary) {
    List<HtmlTable.Column> columns =
        List.of(
            new HtmlTable.Column("Brand", false),
            new HtmlTable.Column("Baseline", true),
            new HtmlTable.Column("This run", true),
            new HtmlTable.Column("Change", true),
            new HtmlTable.Column("95% interval of the change", true),
            new HtmlTable.Column("p", true),
            new HtmlTable.Column("Verdict", false));
    List<HtmlTable.Row> rows = new ArrayList<>();
    for (BrandDelta d : deltas) {
      boolean isPrimary = primary.contains(d.brand());
      boolean none = d.verdict() == dev.vis.analysis.Verdict.NO_DATA;
      rows.add(
          new HtmlTable.Row(
              isPrimary,
              List.of(
                  HtmlTable.Cell.brand(d.brand(), isPrimary),
                  rate(d.baseline()),
                  rate(d.current()),
                  HtmlTable.Cell.number(
                      none ? FigureText.NONE : FigureText.points(d.delta()),
                      none ? NO_DATA : d.delta()),
                  HtmlTable.Cell.number(
                      none
                          ? FigureText.NONE
                          : FigureText.points(d.low()) + " to " + FigureText.points(d.high()),
                      none ? NO_DATA : d.low()),
                  HtmlTable.Cell.number(
                      none ? FigureText.NONE : FigureText.pValue(d.pValue()),
                      none ? 2 : d.pValue()),
                  HtmlTable.Cell.text(verdict(d.verdict())))));
    }
    return new HtmlTable("comparison-table", "Change against the baseline", columns, rows);
  }

  static String verdict(dev.vis.analysis.Verdict v) {
    return switch (v) {
      case DROP -> "drop";
      case DROP_WITHIN_NOISE -> "drop within noise";
      case OK -> "no drop";
      case NO_DATA -> "no data";
    };
  }

  static HtmlTable failures(List<FailureCount> failures) {
    List<HtmlTable.Row> rows = new ArrayList<>();
    for (FailureCount f : failures) {
      rows.add(
          new HtmlTable.Row(
              false,
              List.of(
                  HtmlTable.Cell.text(f.cause()),
                  HtmlTable.Cell.text(f.modelId()),
                  count(f.tasks()))));
    }
    return new HtmlTable(
        "failures-table",
        "Failed tasks by cause",
        List.of(
            new HtmlTable.Column("Cause (the stored error)", false),
            new HtmlTable.Column("Model", false),
            new HtmlTable.Column("Tasks", true)),
        rows);
  }
}
