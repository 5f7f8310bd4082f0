package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What text becomes in a Markdown report and in a Mermaid chart label, case by case. */
class MarkdownTextTest {
  static Stream<Arguments> markdown() {
    return Stream.of(
        argumentSet(
            "pipes, backticks and backslashes are escaped", "a|b `c` d\\e", "a\\|b \\`c\\` d\\\\e"),
        argumentSet("html becomes entities", "<b>A&B</b>", "&lt;b&gt;A&amp;B&lt;/b&gt;"),
        argumentSet(
            "line breaks and control characters become spaces",
            "one\r\ntwo\nthree\rfour\tfive\u0000six",
            "one two three four five six"),
        argumentSet(
            "emphasis and link markers are escaped",
            "*bold* [link](x) ~~gone~~",
            "\\*bold\\* \\[link\\](x) \\~\\~gone\\~\\~"),
        argumentSet(
            "underscores inside words stay readable and others are escaped",
            "crm_for_smb _x_",
            "crm_for_smb \\_x\\_"));
  }

  @ParameterizedTest
  @MethodSource("markdown")
  void markdown_text_is_escaped(String text, String escaped) {
    assertThat(MarkdownText.escape(text)).isEqualTo(escaped);
  }

  static Stream<Arguments> mermaid() {
    return Stream.of(
        argumentSet(
            "quotes, brackets, backticks and hashes turn into entity codes",
            "\"A\" <b>`x`</b> C#",
            "#quot;A#quot; #lt;b#gt;#96;x#96;#lt;/b#gt; C#35;"),
        argumentSet("a label keeps to one line", "a\nb", "a b"));
  }

  @ParameterizedTest
  @MethodSource("mermaid")
  void mermaid_labels_are_escaped(String text, String label) {
    assertThat(MermaidBarChart.label(text)).isEqualTo(label);
  }
}
