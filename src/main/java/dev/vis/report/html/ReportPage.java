package dev.vis.report.html;

import java.util.List;

/**
 * Everything the HTML report's template draws, already laid out and worded; each list is empty when
 * its part does not apply.
 *
 * @param title the page's title
 * @param assets the inline style, script and the Content-Security-Policy allowing only them
 * @param notices warnings above everything (a run not done, simulated data)
 * @param summary what to conclude, first line the headline
 * @param facts the run's facts
 * @param brandCharts mention rate per brand with whiskers, one per grounding
 * @param brandTables every rate of every brand
 * @param comparisonNotes how the baseline was compared
 * @param comparisonTables the deltas with intervals, p-values and verdicts
 * @param modelMaps model × brand mention rates
 * @param shareCharts share of voice per model
 * @param modelTables the per-model table
 * @param promptTables the per-prompt table
 * @param tagTables the per-tag table
 * @param brandedTables branded prompts, apart
 * @param domainCharts the most cited domains
 * @param domainTables the same, as a table
 * @param untrackedTables names answers give like brands that the spec does not track
 * @param quality data-quality facts (answers, unpriced, directional cells, groundings)
 * @param qualityTables failures by cause
 * @param definitions what each metric counts
 */
public record ReportPage(
    String title,
    PageAssets assets,
    List<String> notices,
    List<String> summary,
    List<Fact> facts,
    List<BarChart> brandCharts,
    List<HtmlTable> brandTables,
    List<String> comparisonNotes,
    List<HtmlTable> comparisonTables,
    List<HeatMap> modelMaps,
    List<ShareChart> shareCharts,
    List<HtmlTable> modelTables,
    List<HtmlTable> promptTables,
    List<HtmlTable> tagTables,
    List<HtmlTable> brandedTables,
    List<BarChart> domainCharts,
    List<HtmlTable> domainTables,
    List<HtmlTable> untrackedTables,
    List<Fact> quality,
    List<HtmlTable> qualityTables,
    List<Fact> definitions) {}
