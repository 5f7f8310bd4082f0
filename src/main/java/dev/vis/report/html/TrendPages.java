package dev.vis.report.html;

import static dev.vis.report.html.ChartGeometry.round;

import dev.vis.analysis.Proportion;
import dev.vis.analysis.StepTest;
import dev.vis.report.FigureText;
import dev.vis.report.Trend;
import dev.vis.report.TrendSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Lays out the HTML trend: a small chart per brand, then the tables. */
final class TrendPages {
  private static final int WIDTH = 400;
  private static final int HEIGHT = 200;
  private static final double LEFT = 44;
  private static final double RIGHT = WIDTH - 40;
  private static final double TOP = 12;
  private static final double BOTTOM = HEIGHT - 40;

  private TrendPages() {}

  static TrendPage build(Trend trend) {
    List<LineChart> charts = new ArrayList<>();
    for (int b = 0; b < trend.brands().size(); b++) {
      charts.add(chart(trend, trend.brands().get(b), b));
    }
    List<HtmlTable> tables = new ArrayList<>();
    tables.add(
        perRun(trend, "trend-mention-rate", "Mention rate per run", Trend.Point::mentionRate));
    tables.add(
        perRun(trend, "trend-share-of-voice", "Share of voice per run", Trend.Point::shareOfVoice));
    tables.add(changes(trend));
    List<String> markers = new ArrayList<>();
    for (Trend.Marker m : trend.markers()) {
      markers.add(
          trend.runs().get(m.from()).id()
              + " → "
              + trend.runs().get(m.to()).id()
              + ": "
              + m.detail());
    }
    return new TrendPage(
        "Trend: " + trend.name(),
        PageAssets.shipped(),
        TrendSummary.lines(trend),
        charts,
        tables,
        markers,
        List.of(
            String.format(
                Locale.ROOT,
                "Each brand's mention rate is compared between consecutive runs by the regression"
                    + " gate's bootstrap paired by prompt (%d tests); Holm's correction across every"
                    + " brand and step keeps the chance of any false flag at %.0f%%. A thick"
                    + " vermillion segment ending in a ring: a change that is real. Dashed: the models asked, the model that served"
                    + " them or the brand rules changed there.",
                trend.tests().size(),
                trend.alpha() * 100)),
        List.of(
            Definitions.METRICS.get(0),
            Definitions.METRICS.get(1),
            Definitions.METRICS.get(6),
            new Fact(
                "Real change", "A step whose Holm-corrected two-sided p-value is below alpha."),
            Definitions.METRICS.get(8)));
  }

  private static double x(int i, int n) {
    return n == 1 ? (LEFT + RIGHT) / 2 : round(LEFT + (RIGHT - LEFT) * i / (n - 1));
  }

  private static double y(double rate) {
    return round(BOTTOM - (BOTTOM - TOP) * rate);
  }

  private static LineChart chart(Trend trend, Trend.Series series, int index) {
    int n = trend.runs().size();
    StringBuilder upper = new StringBuilder();
    List<String> lower = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    List<LineChart.Dot> dots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Proportion p = series.points().get(i).mentionRate();
      if (!p.hasData()) {
        continue;
      }
      double x = x(i, n);
      upper.append(upper.isEmpty() ? "" : " ").append(point(x, y(p.high())));
      lower.addFirst(point(x, y(p.low())));
      line.append(line.isEmpty() ? "" : " ").append(point(x, y(p.value())));
      dots.add(
          new LineChart.Dot(
              x, y(p.value()), trend.runs().get(i).id() + ": " + FigureText.rateWithInterval(p)));
    }
    String band = upper.isEmpty() ? "" : upper + " " + String.join(" ", lower);
    List<LineChart.Change> changes = new ArrayList<>();
    for (StepTest s : trend.changes()) {
      if (s.brand().equals(series.brand())) {
        Proportion from = series.points().get(s.from()).mentionRate();
        Proportion to = series.points().get(s.to()).mentionRate();
        changes.add(
            new LineChart.Change(
                x(s.from(), n),
                y(from.value()),
                x(s.to(), n),
                y(to.value()),
                series.brand()
                    + ": "
                    + FigureText.points(s.delta())
                    + " ("
                    + FigureText.pStatement(s.pValue())
                    + ")"));
      }
    }
    List<LineChart.Rule> rules = new ArrayList<>();
    for (Trend.Marker m : trend.markers()) {
      rules.add(
          new LineChart.Rule(round((x(m.from(), n) + x(m.to(), n)) / 2), TOP, BOTTOM, m.detail()));
    }
    List<LineChart.Tick> ticks = new ArrayList<>();
    for (int t = 0; t <= 4; t++) {
      ticks.add(new LineChart.Tick(y(t / 4.0), (t * 25) + "%"));
    }
    List<LineChart.Tick> runs = new ArrayList<>();
    int step = Math.max(1, (n + 5) / 6);
    for (int i = 0; i < n; i += step) {
      runs.add(
          new LineChart.Tick(
              x(i, n),
              trend.runs().get(i).startedAt().toString().substring(5, 16).replace('T', ' ')));
    }
    return new LineChart(
        "trend-" + index,
        (series.primary() ? ChartGeometry.STAR : "") + series.brand(),
        WIDTH,
        HEIGHT,
        LEFT,
        RIGHT,
        band,
        line.toString(),
        // each chart is titled by its brand: a colour per brand would only collide with the
        // change's
        series.primary() ? ChartGeometry.PRIMARY : ChartGeometry.OTHER,
        dots,
        changes,
        rules,
        ticks,
        runs);
  }

  private static String point(double x, double y) {
    return ChartGeometry.format(x) + "," + ChartGeometry.format(y);
  }

  private static HtmlTable perRun(
      Trend trend, String id, String caption, Function<Trend.Point, Proportion> metric) {
    List<HtmlTable.Column> columns =
        new ArrayList<>(
            List.of(
                new HtmlTable.Column("Run", false),
                new HtmlTable.Column("Started", false),
                new HtmlTable.Column("Answers", true)));
    trend
        .brands()
        .forEach(
            s ->
                columns.add(
                    new HtmlTable.Column(
                        (s.primary() ? ChartGeometry.STAR : "") + s.brand(), true)));
    List<HtmlTable.Row> rows = new ArrayList<>();
    for (int i = 0; i < trend.runs().size(); i++) {
      Trend.Run run = trend.runs().get(i);
      List<HtmlTable.Cell> cells = new ArrayList<>();
      cells.add(HtmlTable.Cell.text(run.id()));
      cells.add(HtmlTable.Cell.text(run.startedAt().toString()));
      cells.add(Tables.count(run.answers()));
      for (Trend.Series s : trend.brands()) {
        cells.add(Tables.rate(metric.apply(s.points().get(i))));
      }
      rows.add(new HtmlTable.Row(false, cells));
    }
    return new HtmlTable(id, caption, columns, rows);
  }

  private static HtmlTable changes(Trend trend) {
    List<HtmlTable.Row> rows = new ArrayList<>();
    for (StepTest s : trend.changes()) {
      boolean primary =
          trend.brands().stream().anyMatch(b -> b.primary() && b.brand().equals(s.brand()));
      rows.add(
          new HtmlTable.Row(
              primary,
              List.of(
                  HtmlTable.Cell.brand(s.brand(), primary),
                  HtmlTable.Cell.text(trend.runs().get(s.from()).id()),
                  HtmlTable.Cell.text(trend.runs().get(s.to()).id()),
                  HtmlTable.Cell.number(FigureText.points(s.delta()), s.delta()),
                  HtmlTable.Cell.number(
                      FigureText.points(s.low()) + " to " + FigureText.points(s.high()), s.low()),
                  HtmlTable.Cell.number(FigureText.pValue(s.pValue()), s.pValue()))));
    }
    return new HtmlTable(
        "trend-changes",
        rows.isEmpty() ? "Real changes: none" : "Real changes",
        List.of(
            new HtmlTable.Column("Brand", false),
            new HtmlTable.Column("From run", false),
            new HtmlTable.Column("To run", false),
            new HtmlTable.Column("Change", true),
            new HtmlTable.Column("95% interval", true),
            new HtmlTable.Column("p (two-sided)", true)),
        rows);
  }
}
