package dev.vis.report;

import dev.vis.analysis.Proportion;
import dev.vis.analysis.StepTest;
import java.util.ArrayList;
import java.util.List;

/** What a trend says in plain sentences, first in every format but JSON. */
public final class TrendSummary {
  private TrendSummary() {}

  /** The headline lines of {@code trend}: its span, the primary brand's path, what really moved. */
  public static List<String> lines(Trend trend) {
    List<String> lines = new ArrayList<>();
    int n = trend.runs().size();
    lines.add(
        FigureText.count(n, "done run")
            + " of "
            + trend.name()
            + (n > 1
                ? ", from " + trend.runs().getFirst().id() + " to " + trend.runs().getLast().id()
                : ": " + trend.runs().getFirst().id())
            + ".");
    trend.brands().stream()
        .filter(Trend.Series::primary)
        .findFirst()
        .or(() -> trend.brands().stream().findFirst())
        .ifPresent(
            s -> {
              Proportion first = s.points().getFirst().mentionRate();
              Proportion last = s.points().getLast().mentionRate();
              lines.add(
                  s.brand()
                      + (s.primary() ? " (the primary brand)" : "")
                      + ": mention rate "
                      + FigureText.rateWithInterval(first)
                      + (n > 1
                          ? " in the first run, "
                              + FigureText.rateWithInterval(last)
                              + " in the newest."
                          : "."));
            });
    List<StepTest> changes = trend.changes();
    if (n < 2) {
      lines.add("One run: nothing to compare yet.");
    } else if (changes.isEmpty()) {
      lines.add(
          "No change is real: every move between consecutive runs is within sampling noise"
              + " (Holm-corrected, "
              + FigureText.count(trend.tests().size(), "test")
              + ").");
    } else {
      List<String> parts = new ArrayList<>();
      for (StepTest s : changes) {
        parts.add(
            TrendMarkdown.mark(trend, s.brand())
                + " "
                + FigureText.points(s.delta())
                + " into run "
                + trend.runs().get(s.to()).id()
                + " ("
                + FigureText.pStatement(s.pValue())
                + ")");
      }
      lines.add("Real changes: " + String.join("; ", parts) + ".");
    }
    if (!trend.markers().isEmpty()) {
      List<String> what = trend.markers().stream().map(m -> "the " + m.kind()).distinct().toList();
      lines.add(
          FigureText.count(trend.markers().size(), "marker")
              + ": "
              + String.join(" and ", what)
              + " changed between some runs (see Markers).");
    }
    return lines;
  }
}
