package dev.vis.report;

import dev.vis.analysis.BrandDelta;
import dev.vis.analysis.Verdict;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A report ready to render, with the gate's outcome.
 *
 * @param data what every format renders
 */
public record Report(ReportData data) {
  public Report {
    Objects.requireNonNull(data, "data");
  }

  /** Whether the regression gate tripped: exit 3. */
  public boolean gateTripped() {
    return data.comparison().map(ComparisonView::tripped).orElse(false);
  }

  /** One line for stderr naming the brands that dropped. */
  public String verdictLine() {
    return data.comparison()
        .map(
            c ->
                "regression gate tripped: "
                    + c.comparison().brands().stream()
                        .filter(b -> b.verdict() == Verdict.DROP)
                        .map(Report::drop)
                        .collect(Collectors.joining("; "))
                    + " (baseline "
                    + c.baseline().facts().runId()
                    + ")")
        .orElse("");
  }

  private static String drop(BrandDelta b) {
    return b.brand()
        + " "
        + FigureText.points(b.delta())
        + " ("
        + FigureText.pStatement(b.pValue())
        + ")";
  }
}
