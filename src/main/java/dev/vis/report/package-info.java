/**
 * Renderers of the visibility report (SPEC §7: markdown, CSV, JSON) and the streamed row sinks of
 * {@code vis export} (SPEC §3: CSV and JSONL), built from analysis records only.
 */
package dev.vis.report;
