package dev.vis.report;

import dev.vis.report.html.TrendHtmlRenderer;
import java.io.IOException;
import java.io.Writer;

/** Renders a trend in each format of {@code vis trend --format}. */
public final class TrendRenderer {
  private TrendRenderer() {}

  /** Writes {@code trend} to {@code out} in {@code format} and flushes it; does not close it. */
  public static void render(Trend trend, ReportFormat format, Writer out) throws IOException {
    switch (format) {
      case MD -> {
        out.write(TrendMarkdown.text(trend));
        out.flush();
      }
      case CSV -> TrendCsv.write(trend, out);
      case JSON -> TrendJson.write(trend, out);
      case HTML -> TrendHtmlRenderer.render(trend, out);
    }
  }
}
