package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML syntax errors in plain words, with the line, a caret and a hint. */
class YamlSyntaxErrorTest {
  @TempDir Path dir;

  private String problem(String yaml) {
    return new SpecFixture(dir).problems(yaml).getFirst();
  }

  private static final String HINT =
      "  hint: check the indentation of this line against the line above: the keys of one mapping"
          + " start in one column, and so do the dashes of one list";

  /**
   * The first problem of a spec of {@code version: 1}, {@code brands:} and then these lines (from
   * line 3), followed by valid prompts and models.
   */
  private String problemInBrands(String brands) {
    return problem(
        "version: 1\nbrands:\n"
            + brands
            + "prompts: [{id: p1, text: Hi}]\nmodels: [{id: offline, provider: sim}]\n");
  }

  @Nested
  class MisIndented {
    @Test
    void a_key_under_its_list_dash_is_not_expected_block_end_but_found_a_question_mark() {
      // regression: a file with no '?' was refused with "expected <block end>, but found '?'"
      assertThat(
              problem(
                  """
                  version: 1
                  brands: [{name: Acme}]
                  prompts:
                    - id: best
                      text: What is the best CRM?
                    tags: [crm]
                  models: [{id: offline, provider: sim}]
                  """))
          .isEqualTo(
              """
              spec.yaml:6:3: this key starts in the column of the dash on line 4, so it belongs \
              to no list item; an item's keys line up with its first key after the dash (column 5)
                5 |     text: What is the best CRM?
                6 |   tags: [crm]
                  |   ^
              """
                  + HINT);
    }

    @Test
    void a_key_indented_less_than_its_siblings() {
      assertThat(
              problem(
                  """
                  version: 1
                  brands: [{name: Acme}]
                  prompts: [{id: p1, text: Hi}]
                  models:
                    - id: offline
                      provider: sim
                     sim: {seed: 7}
                  """))
          .isEqualTo(
              """
              spec.yaml:7:4: this line is indented 3 spaces, which lines up with no key or list \
              above it that it could belong to
                6 |     provider: sim
                7 |    sim: {seed: 7}
                  |    ^
              """
                  + HINT);
    }

    @Test
    void a_key_indented_more_than_its_siblings() {
      assertThat(
              problemInBrands(
                  """
                    - name: Acme
                       aliases: [AcmeCRM]
                  """))
          .isEqualTo(
              """
              spec.yaml:4:6: this line is indented more than the line above, so YAML reads it as \
              more of that line's value and then finds a ':' it cannot place
                3 |   - name: Acme
                4 |      aliases: [AcmeCRM]
                  |      ^
              """
                  + HINT);
    }

    @Test
    void a_key_nested_under_a_value_that_is_already_given() {
      assertThat(
              problemInBrands(
                  """
                    - name: Acme
                      aliases: [AcmeCRM]
                        domains: [acme.com]
                  """))
          .isEqualTo(
              """
              spec.yaml:5:7: this line is indented more than the line above, but that line \
              already has its value, so nothing can be nested under it
                4 |     aliases: [AcmeCRM]
                5 |       domains: [acme.com]
                  |       ^
              """
                  + HINT);
    }

    @Test
    void a_top_level_key_with_a_space_before_it() {
      assertThat(problem("version: 1\n brands: [{name: Acme}]\n"))
          .startsWith(
              """
              spec.yaml:2:2: this line is indented more than the line above, so YAML reads it as \
              more of that line's value and then finds a ':' it cannot place
                1 | version: 1
                2 |  brands: [{name: Acme}]
                  |  ^
              """);
    }

    @Test
    void a_tab_in_the_indentation() {
      assertThat(problem("version: 1\nbrands:\n\t- name: Acme\n"))
          .isEqualTo(
              """
              spec.yaml:3:1: a tab in the indentation; YAML indents with spaces only
                3 | \\t- name: Acme
                  | ^
                hint: replace the tab with spaces""");
    }
  }

  @Nested
  class Elsewhere {
    @Test
    void a_colon_and_a_space_in_a_value_with_the_value_quoted_in_the_hint() {
      assertThat(
              problem(
                  """
                  version: 1
                  brands: [{name: Acme}]
                  prompts:
                    - id: p1
                      text: Our question: which CRM?
                  """))
          .isEqualTo(
              """
              spec.yaml:5:23: a value holds ': ' (a colon and a space), which YAML reads as the \
              start of another key
                5 |     text: Our question: which CRM?
                  |                       ^
                hint: put the value in quotes: text: "Our question: which CRM?\"""");
    }

    @Test
    void a_quote_that_is_never_closed_where_it_opens() {
      assertThat(problem("version: 1\nname: \"crm\nbrands: [{name: Acme}]\n"))
          .isEqualTo(
              """
              spec.yaml:2:7: this quoted value is never closed
                2 | name: "crm
                  |       ^
                hint: end it with the same quote it starts with, on this line or a later one""");
    }

    @Test
    void a_flow_list_that_is_never_closed_where_it_opens() {
      assertThat(problem("version: 1\nbrands: [Acme, Globex\nprompts: []\n"))
          .isEqualTo(
              """
              spec.yaml:2:9: this [ list is never closed: line 3 is read as part of it
                2 | brands: [Acme, Globex
                  |         ^
                hint: close it with ], or quote the values inside that hold [ ] { } or ${…}""");
    }

    @Test
    void control_characters_in_the_shown_line_are_escaped() {
      assertThat(problem("version: 1\nname: \"x\u202Ey\n")).contains("  2 | name: \"x\\u202ey\n");
    }
  }
}
