package dev.vis.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Renders the markdown report, small enough for {@code $GITHUB_STEP_SUMMARY} (1 MiB): long tables
 * are cut, harder until the report fits.
 */
final class MarkdownRenderer implements ReportRenderer {
  static final int MAX_BYTES = 1_000_000;
  static final int MAX_ROWS = 200;
  private static final int MIN_ROWS = 10;

  private final int maxBytes;

  MarkdownRenderer() {
    this(MAX_BYTES);
  }

  MarkdownRenderer(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void render(ReportData data, Writer out) throws IOException {
    String text = new MarkdownDocument(data, MAX_ROWS).text();
    for (int rows = MAX_ROWS / 2; utf8Length(text) > maxBytes && rows >= MIN_ROWS; rows /= 2) {
      text = new MarkdownDocument(data, rows).text();
    }
    out.write(utf8Length(text) > maxBytes ? cut(text) : text);
    out.flush();
  }

  /** The last resort when even short tables are too big (very long names): cut at a line end. */
  private String cut(String text) {
    String note =
        "\n_The report was cut here to stay under "
            + maxBytes
            + " bytes; the JSON and CSV reports are complete._\n";
    int budget = maxBytes - note.length() - 4;
    int end = 0;
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
      if (bytes > budget) {
        break;
      }
      if (c == '\n') {
        end = i + 1;
      }
    }
    return text.substring(0, end) + note;
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
