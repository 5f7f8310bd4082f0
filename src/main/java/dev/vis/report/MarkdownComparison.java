package dev.vis.report;

import dev.vis.analysis.BrandDelta;
import dev.vis.analysis.Comparison;
import dev.vis.analysis.Verdict;
import java.util.List;
import java.util.Locale;

/** The comparison section of the markdown report: each delta, its interval, p-value and verdict. */
final class MarkdownComparison {
  private static final int MAX_IDS = 20;

  private MarkdownComparison() {}

  static void appendTo(StringBuilder out, ComparisonView view, int maxRows) {
    Comparison c = view.comparison();
    RunFacts base = view.baseline().facts();
    String metric = c.metric().label().toLowerCase(Locale.ROOT);
    out.append("\n## Comparison with the baseline\n\n");
    out.append("- **Baseline:** ")
        .append(MarkdownText.escape(view.baseline().source()))
        .append(" (run ")
        .append(MarkdownText.escape(base.runId()))
        .append(", ")
        .append(MarkdownFacts.instant(base))
        .append(")\n");
    out.append("- **Metric:** ").append(metric).append('\n');
    if (view.gating()) {
      out.append("- **Gate:** fails when a brand drops by more than ")
          .append(FigureText.oneDecimal(c.thresholdPoints()))
          .append(" points and a one-sided bootstrap paired by prompt gives p < ")
          .append(String.format(Locale.ROOT, "%.4f", c.perBrandAlpha()))
          .append(" (alpha ")
          .append(String.format(Locale.ROOT, "%.3f", c.alpha()))
          .append(" / ")
          .append(FigureText.count(c.brands().size(), "gated brand"))
          .append(")\n");
    }
    out.append("- **Compared on:** ")
        .append(FigureText.count(c.sharedPrompts().size(), "shared non-branded prompt"))
        .append(" × ")
        .append(FigureText.count(c.sharedModels().size(), "shared model"))
        .append('\n');
    for (ComparisonLists list : ComparisonLists.values()) {
      list.markdownLabel().ifPresent(label -> ids(out, label, list.of(c)));
    }
    if (c.brandRulesDiffer()) {
      out.append(
          "\n> **The runs counted brands under different rules**: deltas may be artefacts"
              + " of the rules, not of the models.\n");
    }
    out.append('\n');
    MarkdownTable table =
        new MarkdownTable(
                List.of("Brand", "Baseline", "This run", "Change", "95% interval", "p", "Verdict"))
            .textColumn(6);
    for (BrandDelta b : c.brands()) {
      boolean data = b.verdict() != Verdict.NO_DATA;
      table.row(
          List.of(
              MarkdownText.escape(b.brand()),
              data ? FigureText.rateWithInterval(b.baseline()) : FigureText.NONE,
              data ? FigureText.rateWithInterval(b.current()) : FigureText.NONE,
              data ? FigureText.points(b.delta()) : FigureText.NONE,
              data
                  ? FigureText.points(b.low()) + " to " + FigureText.points(b.high())
                  : FigureText.NONE,
              data ? FigureText.pValue(b.pValue()) : FigureText.NONE,
              verdict(b.verdict(), view.gating())));
    }
    table.appendTo(out, maxRows, "brand");
    out.append('\n');
    if (view.gating()) {
      out.append(
          view.tripped()
              ? "**Verdict: the gate tripped** (exit 3): a gated brand dropped beyond the threshold,"
                  + " and sampling noise is an unlikely explanation.\n"
              : "**Verdict: passed**: no gated brand dropped beyond the threshold by more than"
                  + " sampling noise explains.\n");
    } else {
      out.append("_Compared only: add --fail-on-drop PP to gate on it._\n");
    }
  }

  private static String verdict(Verdict verdict, boolean gating) {
    return switch (verdict) {
      case DROP -> gating ? "**drop**" : "drop";
      case DROP_WITHIN_NOISE -> "drop within noise";
      case OK -> "ok";
      case NO_DATA -> "no data";
    };
  }

  private static void ids(StringBuilder out, String label, List<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    List<String> shown = ids.subList(0, Math.min(MAX_IDS, ids.size()));
    out.append("- **")
        .append(label)
        .append(":** ")
        .append(String.join(", ", shown.stream().map(MarkdownText::escape).toList()));
    if (shown.size() < ids.size()) {
      out.append(" and ").append(ids.size() - shown.size()).append(" more");
    }
    out.append('\n');
  }
}
