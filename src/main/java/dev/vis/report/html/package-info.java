/**
 * The HTML report and trend (SPEC §7): a self-contained page whose charts vis draws as inline SVG,
 * rendered by jte templates ({@code src/main/jte}) that escape every value by default.
 *
 * <p>The page and chart records ({@code ReportPage}, {@code TrendPage}, the charts) are views: each
 * is built by one builder here from lists nothing else holds, and handed straight to its template,
 * so they do not copy their lists as the report's data records do.
 */
package dev.vis.report.html;
