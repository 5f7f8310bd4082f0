package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MermaidBarChartTest {
  // A quoted mermaid string: no raw quote, no line break inside.
  private static final String QUOTED = "\"[^\"\\r\\n]*\"";
  private static final String NUMBER = "\\d+\\.\\d";

  /**
   * Checks the shape GitHub's mermaid accepts for {@code xychart-beta}: the fence, the chart type,
   * a quoted title, an x-axis of quoted labels, a y-axis range and one bar per label.
   */
  static void assertValidChart(String block) {
    List<String> lines = block.lines().toList();
    assertThat(lines).hasSize(7);
    assertThat(lines.get(0)).isEqualTo("```mermaid");
    assertThat(lines.get(1)).isEqualTo("xychart-beta");
    assertThat(lines.get(2)).matches("  title " + QUOTED);
    assertThat(lines.get(3)).matches("  x-axis \\[" + QUOTED + "(, " + QUOTED + ")*\\]");
    assertThat(lines.get(4)).matches("  y-axis " + QUOTED + " 0 --> 100");
    assertThat(lines.get(5)).matches("  bar \\[" + NUMBER + "(, " + NUMBER + ")*\\]");
    assertThat(lines.get(6)).isEqualTo("```");
    int labels = count(Pattern.compile(QUOTED), lines.get(3));
    int bars = count(Pattern.compile(NUMBER), lines.get(5));
    assertThat(bars).as("one bar per x-axis label").isEqualTo(labels);
  }

  /** Every mermaid block of a markdown document. */
  static List<String> blocks(String markdown) {
    Matcher m = Pattern.compile("(?m)^```mermaid\\n(?:.*\\n)*?```\\n").matcher(markdown);
    return m.results().map(r -> r.group()).toList();
  }

  private static int count(Pattern pattern, String text) {
    return (int) pattern.matcher(text).results().count();
  }

  @Test
  void a_chart_has_the_shape_github_renders() {
    StringBuilder out = new StringBuilder();
    MermaidBarChart.appendTo(
        out,
        "Mention rate (%)",
        List.of(new MermaidBarChart.Bar("Acme", 62.25), new MermaidBarChart.Bar("Globex", 0)));
    assertValidChart(out.toString());
    assertThat(out).contains("  bar [62.3, 0.0]");
  }

  @Test
  void hostile_labels_cannot_leave_their_quotes_or_the_block() {
    StringBuilder out = new StringBuilder();
    String hostile = "a\"]\n```\n<script>`x` #1\r\nbar [99]";
    MermaidBarChart.appendTo(out, "t\"itle\n", List.of(new MermaidBarChart.Bar(hostile, 12)));
    String chart = out.toString();
    assertValidChart(chart);
    assertThat(chart).doesNotContain("<script>").doesNotContain("`x`");
  }
}
