package dev.vis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ListRanksTest {

  /**
   * The rank of the line holding the first occurrence of {@code word} when it is the only brand the
   * text names, so that its list is the main list (ASCII texts only).
   */
  static OptionalInt rankOf(String word, String text) {
    int offset = text.indexOf(word);
    return ListRanks.of(text, new int[] {offset}).rankAt(offset);
  }

  @Nested
  class Items {
    @Test
    void a_line_outside_a_list_has_no_rank() {
      assertThat(rankOf("Acme", "I like Acme.")).isEmpty();
    }

    @Test
    void parenthesis_delimiters_make_items_too() {
      assertThat(rankOf("Globex", "1) Acme\n2) Globex")).hasValue(2);
    }

    @Test
    void a_numbered_heading_reads_as_its_number() {
      assertThat(rankOf("Globex", "### 1. Acme\ntext\n### 2. Globex\nmore")).hasValue(2);
    }

    @Test
    void emphasis_around_the_marker_does_not_matter() {
      assertThat(rankOf("Globex", "**1. Acme**\n**2. Globex**")).hasValue(2);
      assertThat(rankOf("Globex", "**1.** Acme\n**2.** Globex")).hasValue(2);
      assertThat(rankOf("Globex", "### **3. Globex**")).hasValue(3);
    }

    @Test
    void emphasis_around_the_name_does_not_matter() {
      assertThat(rankOf("Globex", "- **Acme**\n- **Globex**")).hasValue(2);
    }

    @Test
    void an_emphasised_label_is_not_an_item() {
      assertThat(rankOf("Acme", "**Note:** Acme is fine")).isEmpty();
    }

    @Test
    void a_table_row_is_not_an_item() {
      assertThat(rankOf("Globex", "| 2. Globex | fine |")).isEmpty();
    }

    @Test
    void a_rule_is_not_an_item() {
      assertThat(rankOf("Globex", "- Acme\n* * *\nGlobex")).isEmpty();
    }

    @Test
    void a_marker_needs_a_space_after_it() {
      assertThat(rankOf("Globex", "-Globex and 2.Globex")).isEmpty();
    }
  }

  @Nested
  class Numbering {
    @Test
    void a_numbered_list_of_ones_reads_one_two_three() {
      assertThat(rankOf("Initech", "1. Acme\n1. Globex\n1. Initech")).hasValue(3);
    }

    @Test
    void a_numbered_list_reads_from_its_first_number() {
      assertThat(rankOf("Globex", "Intro:\n\n3. Acme\n7. Globex")).hasValue(4);
    }

    @Test
    void a_bulleted_list_reads_by_place() {
      assertThat(rankOf("Initech", "- Acme\n- Globex\n- Initech")).hasValue(3);
      assertThat(rankOf("Globex", "* Acme\n* Globex")).hasValue(2);
      assertThat(rankOf("Globex", "• Acme\n• Globex")).hasValue(2);
    }

    @Test
    void nested_items_take_the_rank_of_their_top_level_item() {
      String text = "1. Tools\n   - Acme\n2. Suites\n   - Initech\n   - Globex";
      assertThat(rankOf("Globex", text)).hasValue(2);
    }

    @Test
    void a_number_other_than_one_does_not_interrupt_a_paragraph() {
      assertThat(rankOf("Globex", "Founded in\n2019. Globex grew")).isEmpty();
    }

    @Test
    void a_list_may_start_at_zero() {
      assertThat(rankOf("Acme", "0. Acme\n1. Globex")).hasValue(0);
    }
  }

  @Nested
  class Extent {
    @Test
    void a_list_runs_across_blank_lines() {
      assertThat(rankOf("Globex", "- Acme\n\n- Globex")).hasValue(2);
    }

    @Test
    void a_mention_on_a_continuation_line_belongs_to_its_item() {
      String text = "1. Acme\n\n   A fine tool.\n\n2. Other\n   Similar to Globex.";
      assertThat(rankOf("Globex", text)).hasValue(2);
    }

    @Test
    void a_list_ends_at_an_unindented_paragraph() {
      assertThat(rankOf("Globex", "1. Acme\n2. Initech\nGlobex is also good")).isEmpty();
    }

    @Test
    void a_list_ends_at_a_heading_and_a_table() {
      assertThat(rankOf("Globex", "1. Acme\n## Globex")).isEmpty();
      assertThat(rankOf("Globex", "1. Acme\n| Globex |")).isEmpty();
    }

    @Test
    void a_list_restarts_after_a_paragraph() {
      assertThat(rankOf("Globex", "- Acme\n- Initech\n\nAlso:\n\n- Globex")).hasValue(1);
    }

    @Test
    void windows_line_breaks_read_like_unix_ones() {
      assertThat(rankOf("Globex", "1. Acme\r\n2. Globex\r\n")).hasValue(2);
    }
  }
}
