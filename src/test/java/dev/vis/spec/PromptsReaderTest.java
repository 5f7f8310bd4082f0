package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptsReaderTest {
  @TempDir Path dir;

  /** MINIMAL with these lines in place of its prompts section. */
  private static String with(String prompts) {
    return SpecFixture.MINIMAL.replace(
        """
        prompts:
          - id: p1
            text: Hello?
        """,
        prompts);
  }

  private List<String> problems(String prompts) {
    return new SpecFixture(dir).problems(with(prompts));
  }

  @Nested
  class Matrices {
    @Test
    void refuse_an_unknown_placeholder_with_a_did_you_mean() {
      assertThat(
              problems(
                  """
                  prompts:
                    - id: crm-{segment}
                      text: Best CRM for a {segmnt}?
                      vars: {segment: [smb]}
                  """))
          .containsExactly(
              "spec.yaml:6:5: prompts[0].text: unknown {segmnt} (did you mean {segment}?)");
    }

    @Test
    void refuse_a_placeholder_in_a_prompt_without_vars() {
      assertThat(problems("prompts:\n  - id: p1\n    text: Best CRM for {segment}?\n"))
          .containsExactly(
              "spec.yaml:6:5: prompts[0].text: unknown {segment}: this prompt has no vars");
    }

    @Test
    void refuse_an_id_without_every_var_because_ids_would_clash() {
      assertThat(
              problems(
                  """
                  prompts:
                    - id: crm
                      text: Best CRM for a {segment}?
                      vars: {segment: [smb, enterprise]}
                  """))
          .containsExactly(
              "spec.yaml:5:5: prompts[0].id: must contain {segment} so that each combination of"
                  + " vars gets its own id");
    }

    @Test
    void refuse_an_empty_list_of_values() {
      assertThat(
              problems(
                  """
                  prompts:
                    - id: crm-{segment}
                      text: Best CRM for a {segment}?
                      vars: {segment: []}
                  """))
          .contains("spec.yaml:7:12: prompts[0].vars.segment: must not be empty");
    }

    @Test
    void refuse_a_value_that_puts_whitespace_in_an_id() {
      assertThat(
              problems(
                  """
                  prompts:
                    - id: crm-{segment}
                      text: Best CRM for a {segment}?
                      vars: {segment: [small business]}
                  """))
          .containsExactly(
              "spec.yaml:5:5: prompts[0].id: prompt id 'crm-small business' must not contain"
                  + " whitespace");
    }
  }

  @Nested
  class Ids {
    @Test
    void must_be_unique_after_expansion() {
      assertThat(
              problems(
                  """
                  prompts:
                    - id: crm-smb
                      text: Best CRM for a small business?
                    - id: crm-{segment}
                      text: Best CRM for a {segment}?
                      vars: {segment: [startup, smb]}
                  """))
          .containsExactly(
              "spec.yaml:7:5: prompts[1].id: duplicate prompt id 'crm-smb' (first at"
                  + " spec.yaml:5:5)");
    }

    @Test
    void must_not_be_empty() {
      assertThat(problems("prompts: [{id: \"\", text: Hi}]\n"))
          .containsExactly("spec.yaml:4:12: prompts[0].id: prompt id must not be empty");
    }
  }

  @Nested
  class CsvFiles {
    @Test
    void are_read_relative_to_the_spec_with_quoting_and_tags() throws IOException {
      Files.createDirectories(dir.resolve("data"));
      Files.writeString(
          dir.resolve("data/prompts.csv"),
          """
          \uFEFFid,text,tags\r
          p2,"Which CRM, honestly?",a; b|c\r
          \r
          p3,"Say ""hi""
          twice",\r
          """);

      RunSpec run =
          new SpecFixture(dir)
              .load(
                  with(
                      """
                      prompts:
                        - {id: p1, text: Hi}
                        - file: data/prompts.csv
                      """));

      assertThat(run.prompts())
          .containsExactly(
              new PromptSpec("p1", "Hi", List.of()),
              new PromptSpec("p2", "Which CRM, honestly?", List.of("a", "b", "c")),
              new PromptSpec("p3", "Say \"hi\"\ntwice", List.of()));
    }

    @Test
    void may_name_their_columns_in_any_order_and_leave_out_tags() throws IOException {
      Files.writeString(dir.resolve("p.csv"), "text,id\nHi there,p9\n");

      RunSpec run = new SpecFixture(dir).load(with("prompts: [{file: p.csv}]\n"));

      assertThat(run.prompts()).containsExactly(new PromptSpec("p9", "Hi there", List.of()));
    }

    @Test
    void that_are_missing_are_located_at_the_file_field() {
      assertThat(problems("prompts:\n  - file: nope.csv\n"))
          .containsExactly(
              "spec.yaml:5:5: prompts[0].file: cannot read nope.csv: no such file (the path is"
                  + " relative to the spec file)");
    }

    @Test
    void report_their_own_lines() throws IOException {
      Files.writeString(
          dir.resolve("p.csv"),
          """
          id,text
          p1,Hi
          p2
          p3,"Unclosed
          """);

      assertThat(problems("prompts:\n  - {id: p1, text: Hello}\n  - file: p.csv\n"))
          .containsExactly(
              "p.csv:2:1: id: duplicate prompt id 'p1' (first at spec.yaml:5:6)",
              "p.csv:3:1: expected 2 columns, found 1",
              "p.csv:4:4: unterminated quoted field (a \" is never closed)");
    }

    @Test
    void need_a_header_naming_id_and_text() throws IOException {
      Files.writeString(dir.resolve("p.csv"), "id,question\np1,Hi\n");

      assertThat(problems("prompts: [{file: p.csv}]\n"))
          .containsExactly("p.csv:1:4: unknown column 'question'; the columns are id,text[,tags]");
    }

    @Test
    void suggest_a_column_name_close_to_a_known_one() throws IOException {
      Files.writeString(dir.resolve("p.csv"), "id,txt\np1,Hi\n");

      assertThat(problems("prompts: [{file: p.csv}]\n"))
          .containsExactly(
              "p.csv:1:4: unknown column 'txt' (did you mean 'text'?); the columns are"
                  + " id,text[,tags]");
    }

    @Test
    void with_a_header_and_nothing_else_are_refused() throws IOException {
      Files.writeString(dir.resolve("p.csv"), "id,text\n");

      assertThat(problems("prompts: [{file: p.csv}]\n"))
          .containsExactly("p.csv: has a header but no prompts");
    }

    @Test
    void are_named_as_the_spec_was_when_it_sits_in_a_folder() throws IOException {
      Files.createDirectories(dir.resolve("conf"));
      Files.writeString(dir.resolve("conf/p.csv"), "id,text\n,Hi\n");
      Path spec =
          Files.writeString(dir.resolve("conf/spec.yaml"), with("prompts: [{file: p.csv}]\n"));

      assertThat(catchThrowable(() -> SpecLoader.load(spec, Map.of())))
          .hasMessage(dir.resolve("conf/p.csv") + ":2:1: id: prompt id must not be empty");
    }
  }
}
