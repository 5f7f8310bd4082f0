package dev.vis.report;

import dev.vis.analysis.Proportion;
import dev.vis.analysis.StepTest;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The trend in markdown: what moved first, then a table per metric, the changes and markers. */
final class TrendMarkdown {
  private static final int MAX_ROWS = 200;

  private TrendMarkdown() {}

  static String text(Trend trend) {
    StringBuilder out = new StringBuilder(8 * 1024);
    out.append("# Trend: ").append(MarkdownText.escape(trend.name())).append("\n\n");
    for (String line : TrendSummary.lines(trend)) {
      out.append(MarkdownText.escape(line)).append("\n\n");
    }
    table(out, trend, "Mention rate", Trend.Point::mentionRate);
    table(out, trend, "Share of voice", Trend.Point::shareOfVoice);
    out.append("\n## Changes that are real\n\n");
    List<StepTest> changes = trend.changes();
    if (changes.isEmpty()) {
      out.append("_None: no brand's mention rate moved between consecutive runs by more than")
          .append(" sampling noise explains._\n");
    } else {
      MarkdownTable table =
          new MarkdownTable(List.of("Brand", "From run", "To run", "Change", "95% interval", "p"))
              .textColumn(1)
              .textColumn(2);
      for (StepTest s : changes) {
        table.row(
            List.of(
                MarkdownText.escape(mark(trend, s.brand())),
                MarkdownText.escape(trend.runs().get(s.from()).id()),
                MarkdownText.escape(trend.runs().get(s.to()).id()),
                FigureText.points(s.delta()),
                FigureText.points(s.low()) + " to " + FigureText.points(s.high()),
                FigureText.pValue(s.pValue())));
      }
      table.appendTo(out, MAX_ROWS, "change");
    }
    out.append('\n')
        .append(
            String.format(
                Locale.ROOT,
                "Tested: each brand's mention rate between consecutive runs, %d tests, by the"
                    + " regression gate's bootstrap paired by prompt; Holm's correction keeps the"
                    + " chance of any false flag at %.0f%%.%n",
                trend.tests().size(),
                trend.alpha() * 100));
    if (!trend.markers().isEmpty()) {
      out.append("\n## Markers\n\n");
      for (Trend.Marker m : trend.markers()) {
        out.append("- ")
            .append(MarkdownText.escape(trend.runs().get(m.from()).id()))
            .append(" → ")
            .append(MarkdownText.escape(trend.runs().get(m.to()).id()))
            .append(": ")
            .append(MarkdownText.escape(m.detail()))
            .append('\n');
      }
    }
    out.append("\n## Definitions\n\n")
        .append("- **Mention rate:** answers naming the brand / answers received, with its 95%")
        .append(" interval; the headline figure vis report gives for each run.\n")
        .append("- **Share of voice:** answers naming the brand / the sum over tracked brands of")
        .append(" answers naming each.\n")
        .append("- **—:** no data (the run did not track the brand, or has no answers).\n");
    return out.toString();
  }

  static String mark(Trend trend, String brand) {
    boolean primary = trend.brands().stream().anyMatch(s -> s.primary() && s.brand().equals(brand));
    return primary ? brand + " (primary)" : brand;
  }

  private static void table(
      StringBuilder out, Trend trend, String title, Function<Trend.Point, Proportion> metric) {
    out.append("\n## ").append(title).append(" per run\n\n");
    List<String> headers = new ArrayList<>(List.of("Run", "Started", "Answers"));
    trend.brands().forEach(s -> headers.add(MarkdownText.escape(mark(trend, s.brand()))));
    MarkdownTable table = new MarkdownTable(headers).textColumn(1);
    for (int i = 0; i < trend.runs().size(); i++) {
      Trend.Run run = trend.runs().get(i);
      List<String> row = new ArrayList<>();
      row.add(MarkdownText.escape(run.id()));
      row.add(
          DateTimeFormatter.ISO_INSTANT.format(run.startedAt().truncatedTo(ChronoUnit.SECONDS)));
      row.add(Long.toString(run.answers()));
      for (Trend.Series s : trend.brands()) {
        row.add(FigureText.rateWithInterval(metric.apply(s.points().get(i))));
      }
      table.row(row);
    }
    table.appendTo(out, MAX_ROWS, "run");
  }
}
