package dev.vis.report;

import dev.vis.analysis.UntrackedBrand;
import java.util.List;

/**
 * The markdown report's untracked brands: names the answers present as brands that the spec does
 * not track, so a missing competitor shows up; never part of the tracked brands' figures.
 */
final class MarkdownUntracked {
  private MarkdownUntracked() {}

  static void appendTo(StringBuilder out, ReportData data) {
    out.append("\n## Untracked brands\n\n");
    List<UntrackedBrand> brands = data.untrackedBrands();
    if (brands.isEmpty()) {
      out.append("_No untracked name is presented as a brand in two or more answers._\n");
      return;
    }
    long answers = data.facts().answers();
    out.append("Names the answers present as brands (list items, bold names, link labels, names")
        .append(" beside tracked brands) that the spec does not track, with the answers naming")
        .append(
            " each; they are not in the figures above. Track one by adding it to `brands:`.\n\n");
    MarkdownTable table = new MarkdownTable(List.of("Name", "Answers", "Share of answers"));
    for (UntrackedBrand brand : brands) {
      table.row(
          List.of(
              MarkdownText.escape(brand.name()),
              brand.answers() + "/" + answers,
              answers == 0
                  ? FigureText.NONE
                  : FigureText.percent((double) brand.answers() / answers)));
    }
    table.appendTo(out, Integer.MAX_VALUE, "name");
  }
}
