package dev.vis.report.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.WriterOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The jte templates of {@code src/main/jte}, compiled to classes at build time (the Maven plugin's
 * generate goal): no template compiler ships and nothing is compiled at run time. The content type
 * is HTML, so every {@code ${…}} is escaped for where it stands (text or attribute).
 */
final class Templates {
  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, null, "dev.vis.report.html.templates");

  private Templates() {}

  static void render(String template, Object page, Writer out) throws IOException {
    try {
      ENGINE.render(template, page, new WriterOutput(out));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (TemplateException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }
}
