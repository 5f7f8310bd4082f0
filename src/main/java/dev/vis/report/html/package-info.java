/**
 * The HTML report and trend (SPEC §7): a self-contained page whose charts vis draws as inline SVG,
 * rendered by jte templates ({@code src/main/jte}) that escape every value by default.
 */
package dev.vis.report.html;
