package dev.vis.report;

import dev.vis.analysis.BrandDelta;
import dev.vis.analysis.BrandFigures;
import dev.vis.analysis.BrandStanding;
import dev.vis.analysis.MetricDefinition;
import dev.vis.analysis.Proportion;
import dev.vis.analysis.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * The opening summary of the markdown report (what to conclude: the primary brand's rate, rank,
 * ties and change) and its closing definitions, both written from {@link Summary}.
 */
final class MarkdownSummary {
  /** Marks the primary brand wherever the markdown report lists brands. */
  static final String PRIMARY_MARK = " ★";

  private static final int MAX_TIES = 10;

  private MarkdownSummary() {}

  /** {@code name}, escaped, with the primary brand's mark when it is the primary brand. */
  static String brand(Summary summary, String name) {
    return MarkdownText.escape(name) + (summary.isPrimary(name) ? PRIMARY_MARK : "");
  }

  static void appendTo(StringBuilder out, Summary summary) {
    out.append("\n## Summary\n\n");
    if (summary.standings().isEmpty()) {
      out.append("_No brands are tracked._\n");
      return;
    }
    if (summary.primaryBrand().isEmpty()) {
      out.append("- _No brand is marked primary (`primary: true` in the spec);")
          .append(" the leading brand stands in for it._\n");
    }
    boolean split = summary.standings().size() > 1;
    for (BrandStanding standing : summary.standings()) {
      String prefix = split ? "In " + standing.grounding().label() + " answers, " : "";
      out.append("- ").append(prefix).append(standing(summary, standing)).append('\n');
      if (standing.rank().isPresent()) {
        out.append("- ").append(prefix).append(ties(standing)).append('\n');
      }
    }
    for (Summary.Change change : summary.changes()) {
      out.append("- ").append(change(summary, change)).append('\n');
    }
  }

  private static String standing(Summary summary, BrandStanding s) {
    String name = "**" + brand(summary, s.brand()) + "**";
    Proportion rate = s.mentionRate();
    if (!rate.hasData()) {
      return name + ": no data (no answers), so no mention rate or rank.";
    }
    int rank = s.rank().getAsInt();
    return name
        + " is named in **"
        + FigureText.percent(rate.value())
        + "** of answers (95% interval "
        + interval(rate)
        + "; "
        + FigureText.counts(rate)
        + "), **"
        + FigureText.ordinal(rank)
        + " of "
        + s.brands()
        + "** tracked brands by mention rate"
        + (s.directional() ? " (directional: fewer than 10 answers or 5 prompts)" : "")
        + ".";
  }

  private static String ties(BrandStanding s) {
    if (s.tiedWith().isEmpty()) {
      return "No tracked brand is statistically tied with it (no other interval overlaps its own).";
    }
    List<BrandFigures> shown = s.tiedWith().subList(0, Math.min(MAX_TIES, s.tiedWith().size()));
    StringBuilder text = new StringBuilder("Statistically tied (overlapping intervals) with ");
    for (int i = 0; i < shown.size(); i++) {
      BrandFigures b = shown.get(i);
      text.append(i == 0 ? "" : ", ")
          .append(MarkdownText.escape(b.brand()))
          .append(" at ")
          .append(FigureText.rateWithInterval(b.mentionRate()));
    }
    if (shown.size() < s.tiedWith().size()) {
      text.append(" and ").append(s.tiedWith().size() - shown.size()).append(" more");
    }
    return text.append('.').toString();
  }

  private static String change(Summary summary, Summary.Change change) {
    BrandDelta d = change.delta();
    String head =
        "Against the baseline (run "
            + MarkdownText.escape(change.baselineRunId())
            + "), the "
            + change.metric().label().toLowerCase(Locale.ROOT)
            + " of "
            + brand(summary, d.brand());
    if (d.verdict() == Verdict.NO_DATA) {
      return head + ": no data to compare (see the comparison below).";
    }
    String figures =
        head
            + " moved "
            + FigureText.points(d.delta())
            + " (95% interval "
            + FigureText.points(d.low())
            + " to "
            + FigureText.points(d.high())
            + ", "
            + FigureText.pStatement(d.pValue())
            + "): ";
    String verdict =
        switch (d.verdict()) {
          case DROP ->
              change.gating()
                  ? "**a real drop: the gate tripped**."
                  : "**a real drop** (compared only, no gate).";
          case DROP_WITHIN_NOISE -> "a drop within sampling noise, not a real one";
          case OK -> "no real drop";
          case NO_DATA -> throw new IllegalStateException("handled above");
        };
    return figures
        + verdict
        + change
            .detectableDropPhrase()
            .map(p -> "; " + p + ".")
            .orElse(verdict.endsWith(".") ? "" : ".");
  }

  /** The closing definitions: every metric's numerator, denominator and interval, and the marks. */
  static void appendDefinitions(StringBuilder out, Summary summary) {
    out.append("\n## Definitions\n\n");
    MarkdownTable table =
        new MarkdownTable(List.of("Metric", "Counts", "Over", "Interval"))
            .textColumn(1)
            .textColumn(2)
            .textColumn(3);
    for (MetricDefinition d : summary.definitions()) {
      table.row(
          List.of(
              MarkdownText.escape(d.label()),
              MarkdownText.escape(d.numerator()),
              MarkdownText.escape(d.denominator()),
              d.interval().isEmpty() ? FigureText.NONE : MarkdownText.escape(d.interval())));
    }
    table.appendTo(out, Integer.MAX_VALUE, "metric");
    out.append('\n');
    summary
        .primaryBrand()
        .ifPresent(
            p ->
                out.append("★ marks the primary brand, ")
                    .append(MarkdownText.escape(p))
                    .append(". "));
    out.append(FigureText.NONE)
        .append(" is no data: nothing was measured, which is not a rate of 0%.")
        .append(" Tied brands are those whose 95% intervals overlap.\n");
  }

  private static String interval(Proportion p) {
    return FigureText.oneDecimal(p.low() * 100) + "–" + FigureText.oneDecimal(p.high() * 100) + "%";
  }
}
