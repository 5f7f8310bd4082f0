package dev.vis.report.html;

import dev.vis.report.ReportData;
import dev.vis.report.ReportRenderer;
import dev.vis.spec.BrandSpec;
import dev.vis.store.Store;
import java.io.IOException;
import java.io.Writer;

/**
 * Renders the report as one self-contained HTML page (SPEC §7). Stateless and thread-safe; the same
 * data renders to the same characters.
 */
public final class HtmlReportRenderer implements ReportRenderer {
  private final RunExtras extras;

  private HtmlReportRenderer(RunExtras extras) {
    this.extras = extras;
  }

  /** A renderer that knows nothing beyond the report model: no primary brand, no failure causes. */
  public static HtmlReportRenderer plain() {
    return new HtmlReportRenderer(RunExtras.none());
  }

  /** A renderer that also shows run {@code runId}'s primary brands and why its tasks failed. */
  public static HtmlReportRenderer forRun(Store db, String runId) {
    return new HtmlReportRenderer(
        new RunExtras(
            db.storedRun(runId).spec().brands().stream()
                .filter(BrandSpec::primary)
                .map(BrandSpec::name)
                .toList(),
            FailureCauses.of(db, runId)));
  }

  @Override
  public void render(ReportData data, Writer out) throws IOException {
    Templates.render("report.jte", ReportPages.build(data, extras), out);
    out.flush();
  }
}
