package dev.vis.report.html;

import static dev.vis.report.html.ChartGeometry.round;

import dev.vis.analysis.BrandFigures;
import dev.vis.analysis.Cell;
import dev.vis.analysis.DomainCount;
import dev.vis.analysis.DomainRanking;
import dev.vis.analysis.Proportion;
import dev.vis.analysis.RateMetric;
import dev.vis.report.FigureText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lays out the report's SVG charts; the templates only draw what this computes. */
final class Charts {
  static final int MAX_ROWS = 20;
  private static final int WIDTH = 760;
  private static final double LABEL_END = 200;
  private static final double PLOT_LEFT = 210;
  private static final double PLOT_RIGHT = WIDTH - 120;
  private static final double ROW = 26;
  private static final double BAR = 16;
  private static final double TOP = 24;
  private static final int LABEL_CHARS = 28;

  private Charts() {}

  /** Mention rate per brand with its interval, highest first. */
  static BarChart mentionRates(
      String id,
      String title,
      Map<String, BrandFigures> figures,
      List<String> ranked,
      Set<String> primary) {
    List<BarChart.Bar> bars = new ArrayList<>();
    double span = PLOT_RIGHT - PLOT_LEFT;
    List<String> shown = ranked.subList(0, Math.min(MAX_ROWS, ranked.size()));
    for (int i = 0; i < shown.size(); i++) {
      String brand = shown.get(i);
      Proportion p = figures.get(brand).mentionRate();
      boolean isPrimary = primary.contains(brand);
      String label =
          (isPrimary ? ChartGeometry.STAR : "") + ChartGeometry.shorten(brand, LABEL_CHARS);
      double y = TOP + i * ROW + (ROW - BAR) / 2;
      String value = FigureText.rateWithInterval(p);
      bars.add(
          new BarChart.Bar(
              label,
              brand
                  + ": "
                  + (p.hasData() ? value + ", " + FigureText.counts(p) + " answers" : "no data"),
              round(y),
              BAR,
              p.hasData() ? round(p.value() * span) : 0,
              isPrimary ? ChartGeometry.PRIMARY : ChartGeometry.OTHER,
              p.hasData(),
              p.hasData(),
              round(PLOT_LEFT + p.low() * span),
              round(PLOT_LEFT + p.high() * span),
              p.hasData() ? FigureText.percent(p.value()) : FigureText.NONE,
              round(PLOT_LEFT + (p.hasData() ? Math.max(p.value(), p.high()) * span : 0) + 6)));
    }
    return bars(
        id,
        title,
        "Bars: mention rate; whiskers: its 95% interval."
            + (shown.size() < ranked.size()
                ? " The " + shown.size() + " most visible brands."
                : ""),
        bars,
        percentTicks());
  }

  /** The most cited domains, by answers citing them. */
  static BarChart domains(String id, String title, DomainRanking ranking, Set<String> primary) {
    List<DomainCount> shown =
        ranking.domains().subList(0, Math.min(MAX_ROWS, ranking.domains().size()));
    long max = shown.stream().mapToLong(DomainCount::answers).max().orElse(1);
    double span = PLOT_RIGHT - PLOT_LEFT;
    List<BarChart.Bar> bars = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      DomainCount d = shown.get(i);
      boolean isPrimary = d.brand().map(primary::contains).orElse(false);
      double width = round((double) d.answers() / max * span);
      bars.add(
          new BarChart.Bar(
              (isPrimary ? ChartGeometry.STAR : "")
                  + ChartGeometry.shorten(d.domain(), LABEL_CHARS),
              d.domain()
                  + d.brand().map(b -> " (" + b + ")").orElse("")
                  + ": "
                  + FigureText.count(d.answers(), "answer"),
              round(TOP + i * ROW + (ROW - BAR) / 2),
              BAR,
              width,
              d.brand().isPresent()
                  ? (isPrimary ? ChartGeometry.PRIMARY : ChartGeometry.PALETTE.get(1))
                  : ChartGeometry.OTHER,
              true,
              false,
              0,
              0,
              Long.toString(d.answers()),
              round(PLOT_LEFT + width + 6)));
    }
    List<BarChart.Tick> ticks = new ArrayList<>();
    long previous = -1;
    for (int t = 0; t <= 4; t++) {
      // counts are whole: a tick at 0.8 answers would mislead
      long value = Math.round(max * t / 4.0);
      if (value != previous) {
        ticks.add(new BarChart.Tick(round(PLOT_LEFT + span * value / max), Long.toString(value)));
        previous = value;
      }
    }
    return bars(
        id,
        title,
        "Answers citing each domain (kind cited); blue: the primary brand's, orange: another tracked brand's, grey: nobody's.",
        bars,
        ticks);
  }

  private static BarChart bars(
      String id, String title, String note, List<BarChart.Bar> bars, List<BarChart.Tick> ticks) {
    double bottom = TOP + Math.max(1, bars.size()) * ROW;
    return new BarChart(
        id, title, note, WIDTH, (int) (bottom + 24), PLOT_LEFT, TOP, bottom, ticks, bars);
  }

  private static List<BarChart.Tick> percentTicks() {
    List<BarChart.Tick> ticks = new ArrayList<>();
    for (int t = 0; t <= 4; t++) {
      ticks.add(
          new BarChart.Tick(round(PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * t / 4), (t * 25) + "%"));
    }
    return ticks;
  }

  /** Mention rate per model (rows) and brand (columns). */
  static HeatMap modelByBrand(
      String id, List<Cell> models, List<String> ranked, Set<String> primary) {
    List<String> brands = ranked.subList(0, Math.min(MAX_ROWS, ranked.size()));
    double labelWidth = 170;
    double cellWidth = 84;
    double cellHeight = 26;
    double top = 56;
    List<HeatMap.Label> columns = new ArrayList<>();
    for (int b = 0; b < brands.size(); b++) {
      String brand = brands.get(b);
      columns.add(
          new HeatMap.Label(
              round(labelWidth + b * cellWidth + cellWidth / 2),
              top - 8,
              (primary.contains(brand) ? ChartGeometry.STAR : "")
                  + ChartGeometry.shorten(brand, 11),
              brand));
    }
    List<HeatMap.Label> rows = new ArrayList<>();
    List<HeatMap.Square> cells = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      Cell cell = models.get(m);
      double y = top + m * cellHeight;
      String name =
          cell.value()
              + (cell.grounding() == dev.vis.analysis.Grounding.GROUNDED ? " (grounded)" : "");
      rows.add(
          new HeatMap.Label(
              labelWidth - 8,
              round(y + cellHeight / 2 + 4),
              ChartGeometry.shorten(name, 24),
              name));
      Map<String, BrandFigures> figures = ReportPages.byBrand(cell);
      for (int b = 0; b < brands.size(); b++) {
        BrandFigures f = figures.get(brands.get(b));
        Proportion p = f == null ? Proportion.none() : f.mentionRate();
        cells.add(
            new HeatMap.Square(
                round(labelWidth + b * cellWidth),
                round(y),
                cellWidth - 2,
                cellHeight - 2,
                p.hasData() ? round(0.08 + 0.92 * p.value()) : 0,
                p.hasData(),
                p.hasData() ? FigureText.percent(p.value()) : FigureText.NONE,
                p.hasData() && p.value() > 0.55,
                name
                    + " × "
                    + brands.get(b)
                    + ": "
                    + (p.hasData() ? FigureText.rateWithInterval(p) : "no data")));
      }
    }
    int width = (int) (labelWidth + brands.size() * cellWidth + 10);
    int height = (int) (top + models.size() * cellHeight + 10);
    return new HeatMap(
        id,
        "Mention rate by model and brand",
        "Darker is higher; each cell prints its rate. — marks a model with no answers.",
        Math.max(width, 300),
        height,
        columns,
        rows,
        cells);
  }

  /** Share of voice per model: each bar splits the brand mentions of that model's answers. */
  static ShareChart shareOfVoice(
      String id, List<Cell> models, List<String> brands, Set<String> primary) {
    double left = 180;
    double right = WIDTH - 20;
    double span = right - left;
    List<ShareChart.Row> rows = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      Cell cell = models.get(m);
      double y = round(TOP + m * ROW);
      String name =
          cell.value()
              + (cell.grounding() == dev.vis.analysis.Grounding.GROUNDED ? " (grounded)" : "");
      Map<String, BrandFigures> figures = ReportPages.byBrand(cell);
      List<ShareChart.Segment> segments = new ArrayList<>();
      double x = left;
      for (int b = 0; b < brands.size(); b++) {
        BrandFigures f = figures.get(brands.get(b));
        Proportion share = f == null ? Proportion.none() : f.rate(RateMetric.SHARE_OF_VOICE);
        if (!share.hasData() || share.value() <= 0) {
          continue;
        }
        double w = round(share.value() * span);
        segments.add(
            new ShareChart.Segment(
                round(x),
                w,
                ChartGeometry.colour(b),
                brands.get(b) + ": " + FigureText.rateWithInterval(share),
                w >= 40 ? FigureText.oneDecimal(share.value() * 100) + "%" : ""));
        x += w;
      }
      rows.add(
          new ShareChart.Row(ChartGeometry.shorten(name, 24), y, !segments.isEmpty(), segments));
    }
    List<ShareChart.LegendItem> legend = new ArrayList<>();
    double legendTop = TOP + models.size() * ROW + 20;
    double lx = left;
    double ly = legendTop;
    for (int b = 0; b < brands.size(); b++) {
      String label =
          (primary.contains(brands.get(b)) ? ChartGeometry.STAR : "")
              + ChartGeometry.shorten(brands.get(b), 18);
      double w = 24 + 7.5 * label.length();
      if (lx + w > right && lx > left) {
        lx = left;
        ly += 18;
      }
      legend.add(new ShareChart.LegendItem(round(lx), round(ly), ChartGeometry.colour(b), label));
      lx += w;
    }
    return new ShareChart(
        id,
        "Share of voice by model",
        "Each bar splits 100% of the answers naming a tracked brand among the brands (an answer naming two counts for both). Brands past the eighth share grey.",
        WIDTH,
        (int) (ly + 14),
        rows,
        legend);
  }
}
