package dev.vis.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {
  @Nested
  class Markdown {
    @Test
    void pipes_backticks_and_backslashes_are_escaped() {
      assertThat(MarkdownText.escape("a|b `c` d\\e")).isEqualTo("a\\|b \\`c\\` d\\\\e");
    }

    @Test
    void html_becomes_entities() {
      assertThat(MarkdownText.escape("<b>A&B</b>")).isEqualTo("&lt;b&gt;A&amp;B&lt;/b&gt;");
    }

    @Test
    void line_breaks_and_control_characters_become_spaces() {
      assertThat(MarkdownText.escape("one\r\ntwo\nthree\rfour\tfive\u0000six"))
          .isEqualTo("one two three four five six");
    }

    @Test
    void emphasis_and_link_markers_are_escaped() {
      assertThat(MarkdownText.escape("*bold* [link](x) ~~gone~~"))
          .isEqualTo("\\*bold\\* \\[link\\](x) \\~\\~gone\\~\\~");
    }

    @Test
    void underscores_inside_words_stay_readable_and_others_are_escaped() {
      assertThat(MarkdownText.escape("crm_for_smb _x_")).isEqualTo("crm_for_smb \\_x\\_");
    }
  }

  @Nested
  class Mermaid {
    @Test
    void labels_turn_quotes_brackets_backticks_and_hashes_into_entity_codes() {
      assertThat(MermaidBarChart.label("\"A\" <b>`x`</b> C#"))
          .isEqualTo("#quot;A#quot; #lt;b#gt;#96;x#96;#lt;/b#gt; C#35;");
    }

    @Test
    void labels_keep_to_one_line() {
      assertThat(MermaidBarChart.label("a\nb")).isEqualTo("a b");
    }
  }
}
