package dev.vis.report.html;

import dev.vis.report.Trend;
import java.io.IOException;
import java.io.Writer;

/** Renders a trend as one self-contained HTML page. Stateless and thread-safe. */
public final class TrendHtmlRenderer {
  private TrendHtmlRenderer() {}

  /** Writes the page and flushes {@code out}; does not close it. */
  public static void render(Trend trend, Writer out) throws IOException {
    Templates.render("trend.jte", TrendPages.build(trend), out);
    out.flush();
  }
}
