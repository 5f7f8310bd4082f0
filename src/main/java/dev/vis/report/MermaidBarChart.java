package dev.vis.report;

import java.util.List;
import java.util.Locale;

/** A mermaid {@code xychart-beta} bar chart, which GitHub renders from a fenced block. */
final class MermaidBarChart {
  /** One bar: its label and its height in percent. */
  record Bar(String label, double percent) {}

  private MermaidBarChart() {}

  static void appendTo(StringBuilder out, String title, List<Bar> bars) {
    out.append("```mermaid\n");
    out.append("xychart-beta\n");
    out.append("  title \"").append(label(title)).append("\"\n");
    out.append("  x-axis [");
    for (int i = 0; i < bars.size(); i++) {
      out.append(i > 0 ? ", " : "").append('"').append(label(bars.get(i).label())).append('"');
    }
    out.append("]\n");
    out.append("  y-axis \"").append(label(title)).append("\" 0 --> 100\n");
    out.append("  bar [");
    for (int i = 0; i < bars.size(); i++) {
      out.append(i > 0 ? ", " : "")
          .append(String.format(Locale.ROOT, "%.1f", bars.get(i).percent()));
    }
    out.append("]\n");
    out.append("```\n");
  }

  /**
   * A label mermaid reads as plain text inside double quotes: quotes, angle brackets, backticks
   * (which would start a markdown string) and {@code #} (which starts an entity code) become
   * mermaid entity codes; line breaks become spaces.
   */
  static String label(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '#' -> out.append("#35;");
        case '"' -> out.append("#quot;");
        case '<' -> out.append("#lt;");
        case '>' -> out.append("#gt;");
        case '`' -> out.append("#96;");
        default -> out.append(Character.isISOControl(c) ? ' ' : c);
      }
    }
    return out.toString();
  }
}
