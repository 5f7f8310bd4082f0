package dev.vis.report.html;

import dev.vis.report.ReportData;
import dev.vis.report.ReportRenderer;
import dev.vis.store.Store;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Renders the report as one self-contained HTML page (SPEC §7). Stateless and thread-safe; the same
 * data renders to the same characters.
 */
public final class HtmlReportRenderer implements ReportRenderer {
  private final List<FailureCount> failures;

  private HtmlReportRenderer(List<FailureCount> failures) {
    this.failures = List.copyOf(failures);
  }

  /** A renderer that knows nothing beyond the report model: no failure causes. */
  public static HtmlReportRenderer plain() {
    return new HtmlReportRenderer(List.of());
  }

  /** A renderer that also shows why run {@code runId}'s tasks failed. */
  public static HtmlReportRenderer forRun(Store db, String runId) {
    return new HtmlReportRenderer(FailureCauses.of(db, runId));
  }

  @Override
  public void render(ReportData data, Writer out) throws IOException {
    Templates.render("report.jte", ReportPages.build(data, failures), out);
    out.flush();
  }
}
