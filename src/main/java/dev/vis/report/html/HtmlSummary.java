package dev.vis.report.html;

import dev.vis.analysis.BrandDelta;
import dev.vis.analysis.BrandStanding;
import dev.vis.analysis.Cell;
import dev.vis.analysis.Proportion;
import dev.vis.analysis.Verdict;
import dev.vis.report.FigureText;
import dev.vis.report.ReportData;
import dev.vis.report.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What an analyst should conclude, in plain sentences, before any chart or table (SPEC §7). */
final class HtmlSummary {
  private HtmlSummary() {}

  /**
   * The summary's lines for {@code main}, the overall cell the page leads with: its standing, ties
   * and change come from the {@link Summary} every format shares.
   */
  static List<String> lines(ReportData data, Cell main) {
    Summary summary = data.summary();
    List<String> lines = new ArrayList<>();
    Optional<BrandStanding> found =
        summary.standings().stream()
            .filter(s -> main != null && s.grounding() == main.grounding())
            .findFirst();
    if (found.isEmpty()) {
      lines.add("No brands are tracked, so there is nothing to conclude.");
      return lines;
    }
    BrandStanding standing = found.get();
    Proportion p = standing.mentionRate();
    if (!p.hasData()) {
      lines.add("No answers yet: every figure is no data.");
      return lines;
    }
    String brand = standing.brand();
    int rank = standing.rank().getAsInt();
    String who =
        summary.isPrimary(brand)
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
            + standing.brands()
            + " tracked brands ("
            + FigureText.ordinal(rank)
            + ").");
    List<String> tied =
        standing.tiedWith().stream()
            .map(b -> b.brand() + " (" + FigureText.percent(b.mentionRate().value()) + ")")
            .toList();
    lines.add(
        tied.isEmpty()
            ? "No other brand's interval overlaps it: its rank is clear."
            : "Statistically tied (overlapping intervals) with " + String.join(", ", tied) + ".");
    summary.changes().stream()
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
