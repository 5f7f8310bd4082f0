package dev.vis.report.html;

import java.util.List;

/**
 * Everything the HTML trend's template draws.
 *
 * @param title the page's title
 * @param assets the inline style, script and the CSP allowing only them
 * @param summary what moved, first
 * @param charts one line chart per brand
 * @param tables mention rate and share of voice per run, and the real changes
 * @param markers where the models, the served model or the brand rules changed
 * @param notes how the changes were tested
 * @param definitions what each figure counts
 */
public record TrendPage(
    String title,
    PageAssets assets,
    List<String> summary,
    List<LineChart> charts,
    List<HtmlTable> tables,
    List<String> markers,
    List<String> notes,
    List<Fact> definitions) {}
