package dev.vis.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Renders a run's report in one format. Renderers are stateless and thread-safe; the same data
 * always renders to the same characters.
 */
public interface ReportRenderer {
  /**
   * Writes the whole report to {@code out} and flushes it; does not close it.
   *
   * @throws IOException when {@code out} fails
   */
  void render(ReportData data, Writer out) throws IOException;

  /** The renderer of {@code format}. */
  static ReportRenderer of(ReportFormat format) {
    return switch (format) {
      case MD -> new MarkdownRenderer();
      case CSV -> new CsvReportRenderer();
      case JSON -> new JsonReportRenderer();
      case HTML -> dev.vis.report.html.HtmlReportRenderer.plain();
    };
  }
}
