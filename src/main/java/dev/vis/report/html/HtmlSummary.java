package dev.vis.report.html;

import dev.vis.analysis.BrandDelta;
import dev.vis.analysis.BrandFigures;
import dev.vis.analysis.Cell;
import dev.vis.analysis.Proportion;
import dev.vis.analysis.Verdict;
import dev.vis.report.FigureText;
import dev.vis.report.ReportData;
import dev.vis.report.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What an analyst should conclude, in plain sentences, before any chart or table (SPEC §7). */
final class HtmlSummary {
  private HtmlSummary() {}

  static List<String> lines(
      ReportData data, Cell main, List<String> ranked, List<String> primaries) {
    List<String> lines = new ArrayList<>();
    if (main == null || ranked.isEmpty()) {
      lines.add("No brands are tracked, so there is nothing to conclude.");
      return lines;
    }
    if (main.answers() == 0) {
      lines.add("No answers yet: every figure is no data.");
      return lines;
    }
    Map<String, BrandFigures> figures = ReportPages.byBrand(main);
    Optional<String> primary = primaries.stream().filter(figures::containsKey).findFirst();
    String brand = primary.orElse(ranked.getFirst());
    Proportion p = figures.get(brand).mentionRate();
    int rank = ranked.indexOf(brand) + 1;
    String who =
        primary.isPresent()
            ? brand + " (the primary brand)"
            : brand + " (no brand is marked primary; the most visible)";
    lines.add(
        who
            + " is named in "
            + FigureText.percent(p.value())
            + " of answers (95% interval "
            + FigureText.oneDecimal(p.low() * 100)
            + "–"
            + FigureText.oneDecimal(p.high() * 100)
            + "%), rank "
            + rank
            + " of "
            + ranked.size()
            + " tracked brands ("
            + FigureText.ordinal(rank)
            + ").");
    List<String> tied = new ArrayList<>();
    for (String other : ranked) {
      Proportion q = figures.get(other).mentionRate();
      if (!other.equals(brand) && q.hasData() && q.low() <= p.high() && p.low() <= q.high()) {
        tied.add(other + " (" + FigureText.percent(q.value()) + ")");
      }
    }
    lines.add(
        tied.isEmpty()
            ? "No other brand's interval overlaps it: its rank is clear."
            : "Statistically tied (overlapping intervals) with " + String.join(", ", tied) + ".");
    data.summary().changes().stream()
        .filter(c -> c.delta().brand().equals(brand))
        .findFirst()
        .map(HtmlSummary::baseline)
        .ifPresent(lines::add);
    lines.add(
        "Over "
            + FigureText.count(main.answers(), "answer")
            + " to "
            + FigureText.count(main.prompts(), "prompt")
            + (data.metrics().includeBranded()
                ? ""
                : " (prompts naming a tracked brand are left out)")
            + (data.metrics().headline().overall().size() > 1
                ? ", " + main.grounding().label() + " answers"
                : "")
            + ".");
    return lines;
  }

  /** The change against the baseline, from the summary every format shares. */
  private static String baseline(Summary.Change change) {
    BrandDelta d = change.delta();
    String runId = change.baselineRunId();
    if (d.verdict() == Verdict.NO_DATA) {
      return "Against baseline " + runId + ": no shared answered cells, so no comparison.";
    }
    String line =
        "Against baseline "
            + runId
            + ": "
            + FigureText.points(d.delta())
            + " ("
            + FigureText.pStatement(d.pValue())
            + "): "
            + Tables.verdict(d.verdict());
    return line + change.detectableDropPhrase().map(p -> "; " + p).orElse("") + ".";
  }
}
